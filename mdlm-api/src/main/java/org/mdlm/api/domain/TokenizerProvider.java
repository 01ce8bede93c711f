package org.mdlm.api.domain;

import org.mdlm.api.plugin.Provider;

/**
 * Service interface for tokenizers (e.g. {@code "gpt2"}, {@code "bert-base-uncased"},
 * {@code "char"}).
 *
 * @param <C> the tokenizer's config record (the shipped ones take no options)
 */
public interface TokenizerProvider<C extends Record> extends Provider<C, Tokenizer> {
}
