/**
 * Tokenizers of the text domain, each a {@link org.mdlm.api.domain.TokenizerProvider} found by
 * short name: {@code gpt2} (GPT-2's byte-level BPE through JTokkit's {@code r50k_base}),
 * {@code bert-base-uncased} (BERT's basic tokenizer and WordPiece, written here, with the real
 * vocabulary shipped as a resource) and {@code char} (the text8 alphabet).
 */
package org.mdlm.domains.text.tokenize;
