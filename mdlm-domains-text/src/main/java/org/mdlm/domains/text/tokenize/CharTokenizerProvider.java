package org.mdlm.domains.text.tokenize;

import org.mdlm.api.domain.Tokenizer;
import org.mdlm.api.domain.TokenizerProvider;

/** Provides the {@value CharTokenizer#NAME} tokenizer ({@link CharTokenizer}). */
public final class CharTokenizerProvider implements TokenizerProvider<TokenizerConfig> {

    /** Creates the provider (used by {@link java.util.ServiceLoader}). */
    public CharTokenizerProvider() {
    }

    @Override
    public String name() {
        return CharTokenizer.NAME;
    }

    @Override
    public String description() {
        return "text8 characters a-z + space (ids 0-26, mask 27), text normalised first";
    }

    @Override
    public Class<TokenizerConfig> configType() {
        return TokenizerConfig.class;
    }

    @Override
    public TokenizerConfig defaultConfig() {
        return new TokenizerConfig();
    }

    @Override
    public Tokenizer create(TokenizerConfig config) {
        return new CharTokenizer();
    }
}
