package org.mdlm.domains.text;

import org.mdlm.api.domain.Domain;
import org.mdlm.api.domain.DomainProvider;

/** Provides the {@code "text"} domain: a corpus read through a tokenizer ({@link TextDomain}). */
public final class TextProvider implements DomainProvider<TextConfig> {

    /** The provider's short name. */
    public static final String NAME = "text";

    /** Creates the provider (used by {@link java.util.ServiceLoader}). */
    public TextProvider() {
    }

    /** {@inheritDoc} */
    @Override
    public String name() {
        return NAME;
    }

    /** {@inheritDoc} */
    @Override
    public String description() {
        return "a corpus through a tokenizer (default gpt2: 50,258 ids, <|endoftext|> at document seams); "
                + "data: directory of train/valid/test .jsonl[.gz] or .txt[.gz], or with format tokens the "
                + "token-cache entries of mdlm tokenize --spark";
    }

    /** {@inheritDoc} */
    @Override
    public Class<TextConfig> configType() {
        return TextConfig.class;
    }

    /** {@inheritDoc} */
    @Override
    public TextConfig defaultConfig() {
        return TextConfig.defaults();
    }

    /** {@inheritDoc} */
    @Override
    public Domain create(TextConfig config) {
        return new TextDomain(config);
    }
}
