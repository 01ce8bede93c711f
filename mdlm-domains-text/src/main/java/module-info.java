/** Text domains: the text8 character domain, text normalisation and an embedded default corpus. */
module org.mdlm.domains.text {
    requires transitive org.mdlm.api;

    exports org.mdlm.domains.text;

    provides org.mdlm.api.domain.DomainProvider with org.mdlm.domains.text.Text8Provider;
}
