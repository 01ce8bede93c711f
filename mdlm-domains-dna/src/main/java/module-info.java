/**
 * The DNA domain: nucleotide vocabulary, FASTA(.gz) genomes of any size, training and evaluation
 * windows across chromosomes, splits, intervals and reverse-complement augmentation.
 */
module org.mdlm.domains.dna {
    requires transitive org.mdlm.api;
    // Commons Compress reads multi-member gzip from pipes (why: the pom); automatic module name.
    requires org.apache.commons.compress;

    exports org.mdlm.domains.dna;
    exports org.mdlm.domains.dna.fasta;
    exports org.mdlm.domains.dna.windows;

    provides org.mdlm.api.domain.DomainProvider with org.mdlm.domains.dna.DnaProvider;
}
