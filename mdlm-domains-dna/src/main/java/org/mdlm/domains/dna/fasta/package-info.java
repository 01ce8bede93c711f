/**
 * Reading FASTA genomes: the parser and reader (plain, gzip and bgzip, files and streams), the
 * {@link org.mdlm.domains.dna.fasta.Genome} of named chromosomes, its bases in segmented storage
 * with {@code long} positions (on the heap or memory-mapped from a cache file), the runs of unknown
 * bases, and the cache that keeps a decoded genome for the next run.
 */
package org.mdlm.domains.dna.fasta;
