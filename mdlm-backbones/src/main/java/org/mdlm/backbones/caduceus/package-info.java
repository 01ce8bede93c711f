/**
 * The Caduceus backbone (Schiff et al. 2024) as MDLM trains it on DNA: bidirectional Mamba blocks
 * with a chunked selective scan, made reverse-complement equivariant by running the reverse
 * complement through the same weights and tying the output layer to the complement map.
 */
package org.mdlm.backbones.caduceus;
