/** The DNA domain: nucleotide vocabulary, FASTA(.gz) reading, reverse complement. */
module org.mdlm.domains.dna {
    requires transitive org.mdlm.api;

    exports org.mdlm.domains.dna;

    provides org.mdlm.api.domain.DomainProvider with org.mdlm.domains.dna.DnaProvider;
}
