package org.mdlm.domains.text.tokenize;

import org.mdlm.api.domain.Tokenizer;
import org.mdlm.api.domain.TokenizerProvider;

/** Provides the {@value Gpt2Tokenizer#NAME} tokenizer ({@link Gpt2Tokenizer}). */
public final class Gpt2TokenizerProvider implements TokenizerProvider<TokenizerConfig> {

    /** Creates the provider (used by {@link java.util.ServiceLoader}). */
    public Gpt2TokenizerProvider() {
    }

    @Override
    public String name() {
        return Gpt2Tokenizer.NAME;
    }

    @Override
    public String description() {
        return "GPT-2 byte-level BPE, real vocabulary (50257 ids; <|endoftext|> 50256 is BOS/EOS, mask 50257)";
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
        return new Gpt2Tokenizer();
    }
}
