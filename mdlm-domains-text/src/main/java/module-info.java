/**
 * Text domains: the text8 character domain, text normalisation and an embedded default corpus; a
 * synthetic token domain of any vocabulary size for benchmarks; and the tokenizers {@code gpt2},
 * {@code bert-base-uncased} and {@code char}.
 */
module org.mdlm.domains.text {
    requires transitive org.mdlm.api;
    // JTokkit has no module descriptor and no Automatic-Module-Name: its name comes from the jar's
    // file name (as nd4j's does). The program runs on the class path, where the name plays no part.
    requires jtokkit;

    exports org.mdlm.domains.text;
    // The token-cache format (index, shard writer, document joining), also written by mdlm-spark.
    exports org.mdlm.domains.text.cache;
    exports org.mdlm.domains.text.synthetic;
    exports org.mdlm.domains.text.tokenize;

    provides org.mdlm.api.domain.DomainProvider with org.mdlm.domains.text.Text8Provider,
            org.mdlm.domains.text.TextProvider,
            org.mdlm.domains.text.synthetic.SyntheticProvider;
    provides org.mdlm.api.domain.TokenizerProvider with org.mdlm.domains.text.tokenize.Gpt2TokenizerProvider,
            org.mdlm.domains.text.tokenize.BertTokenizerProvider,
            org.mdlm.domains.text.tokenize.CharTokenizerProvider;
}
