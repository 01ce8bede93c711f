package org.mdlm.domains.text.tokenize;

import java.util.function.Supplier;
import org.mdlm.api.domain.Tokenizer;
import org.mdlm.api.domain.TokenizerProvider;

/**
 * What the shipped tokenizers' providers share: a fixed name and description, no options
 * ({@link TokenizerConfig}), and a factory for the tokenizer.
 */
abstract class ShippedTokenizerProvider implements TokenizerProvider<TokenizerConfig> {

    private final String name;
    private final String description;
    private final Supplier<Tokenizer> factory;

    ShippedTokenizerProvider(String name, String description, Supplier<Tokenizer> factory) {
        this.name = name;
        this.description = description;
        this.factory = factory;
    }

    @Override
    public final String name() {
        return name;
    }

    @Override
    public final String description() {
        return description;
    }

    @Override
    public final Class<TokenizerConfig> configType() {
        return TokenizerConfig.class;
    }

    @Override
    public final TokenizerConfig defaultConfig() {
        return new TokenizerConfig();
    }

    @Override
    public final Tokenizer create(TokenizerConfig config) {
        return factory.get();
    }
}
