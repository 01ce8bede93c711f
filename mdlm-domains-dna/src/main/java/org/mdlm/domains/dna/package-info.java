/** Nucleotide sequences: vocabulary, FASTA reader, reverse complement. */
package org.mdlm.domains.dna;
