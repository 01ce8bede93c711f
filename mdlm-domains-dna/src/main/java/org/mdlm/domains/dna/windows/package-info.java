/**
 * Where a model reads a genome: the split of a genome into train, valid and test regions (by
 * blocks, by chromosome or by position), restriction to the intervals of a BED file, the exact
 * set of window starts that stay inside one region and hold few unknown bases, and the token
 * stream that samples training crops from them (with reverse-complement augmentation) and places
 * evaluation windows on them.
 */
package org.mdlm.domains.dna.windows;
