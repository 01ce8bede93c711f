package org.mdlm.domains.text.tokenize;

/** Provides the {@value Gpt2Tokenizer#NAME} tokenizer ({@link Gpt2Tokenizer}). */
public final class Gpt2TokenizerProvider extends ShippedTokenizerProvider {

    /** Creates the provider (used by {@link java.util.ServiceLoader}). */
    public Gpt2TokenizerProvider() {
        super(Gpt2Tokenizer.NAME,
                "GPT-2 byte-level BPE, real vocabulary (50257 ids; <|endoftext|> 50256 is BOS/EOS, mask 50257)",
                Gpt2Tokenizer::new);
    }
}
