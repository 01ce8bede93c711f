/**
 * The token cache of the {@code text} domain: a corpus split is tokenized once into shards on disk
 * (little-endian uint16 ids when the vocabulary fits, int32 otherwise), keyed by the corpus
 * content and the tokenizer, and later runs memory-map them instead of tokenizing again.
 *
 * <p>The format is public: an entry is a folder of {@link org.mdlm.domains.text.cache.ShardWriter}
 * shards and an {@link org.mdlm.domains.text.cache.EntryIndex}, the ids joined by
 * {@link org.mdlm.domains.text.cache.DocumentEncoder}; the Spark tokenization job of mdlm-spark
 * writes the same entries with these classes, and the domain's {@code tokens} format reads them.
 */
package org.mdlm.domains.text.cache;
