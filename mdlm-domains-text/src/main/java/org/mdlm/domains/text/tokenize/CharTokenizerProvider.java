package org.mdlm.domains.text.tokenize;

/** Provides the {@value CharTokenizer#NAME} tokenizer ({@link CharTokenizer}). */
public final class CharTokenizerProvider extends ShippedTokenizerProvider {

    /** Creates the provider (used by {@link java.util.ServiceLoader}). */
    public CharTokenizerProvider() {
        super(CharTokenizer.NAME,
                "text8 characters a-z + space (ids 0-26, mask 27), text normalised first",
                CharTokenizer::new);
    }
}
