package org.mdlm.spark.tokenize;

import java.util.Locale;

/** How a corpus file holds its documents, told by its name. */
enum CorpusKind {
    /** JSON lines ({@code .jsonl}, {@code .jsonl.gz}): a {@code "text"} string field per line. */
    JSONL("line"),
    /** Parquet ({@code .parquet}): a string column, one document per row. */
    PARQUET("row");

    /** What one record is called in messages ("line 3 of ..."). */
    final String record;

    CorpusKind(String record) {
        this.record = record;
    }

    /** The kind of a file named {@code name}, or null when it is neither. */
    static CorpusKind of(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        if (n.endsWith(".jsonl") || n.endsWith(".jsonl.gz")) {
            return JSONL;
        }
        return n.endsWith(".parquet") ? PARQUET : null;
    }
}
