/**
 * {@code mdlm tokenize --spark MASTER --input DIR --out DIR}: a corpus tokenized on Spark's
 * executors into the {@code text} domain's token-cache entries, which training then memory-maps
 * ({@code domain.format: tokens}) instead of parsing text.
 *
 * <p>Per split, Spark's own readers cut the files into byte ranges and read them on the executors
 * (JSON lines as text lines, each parsed by the text domain's own JSON rule; Parquet by its string
 * column) with each row's file and range start ({@code _metadata}); each task encodes its rows with
 * the text domain's {@code DocumentEncoder} into part files, one per range it read, and reports
 * their counts. The driver orders the parts by file name and range start (the corpus order, which
 * Spark's partitions do not keep: it packs ranges largest first), then tasks assemble shards of
 * 2^26 ids from the parts by offset, byte for byte what the local cache writes; the driver writes
 * the index last and renames the entry into place. No token passes through the driver.
 */
package org.mdlm.spark.tokenize;
