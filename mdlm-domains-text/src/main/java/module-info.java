/**
 * Text domains: the text8 character domain, text normalisation and an embedded default corpus; and
 * a synthetic token domain of any vocabulary size for benchmarks.
 */
module org.mdlm.domains.text {
    requires transitive org.mdlm.api;

    exports org.mdlm.domains.text;
    exports org.mdlm.domains.text.synthetic;

    provides org.mdlm.api.domain.DomainProvider with org.mdlm.domains.text.Text8Provider,
            org.mdlm.domains.text.synthetic.SyntheticProvider;
}
