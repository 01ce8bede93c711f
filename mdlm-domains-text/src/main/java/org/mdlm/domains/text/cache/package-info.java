/**
 * The token cache of the {@code text} domain: a corpus split is tokenized once into shards on disk
 * (little-endian uint16 ids when the vocabulary fits, int32 otherwise), keyed by the corpus
 * content and the tokenizer, and later runs memory-map them instead of tokenizing again.
 */
package org.mdlm.domains.text.cache;
