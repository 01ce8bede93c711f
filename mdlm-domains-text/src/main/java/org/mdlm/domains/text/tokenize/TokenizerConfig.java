package org.mdlm.domains.text.tokenize;

/** The config of the shipped tokenizers: they take no options (their vocabularies are fixed). */
public record TokenizerConfig() {
}
