package org.mdlm.cli.run;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Objects;

/**
 * What {@code mdlm tokenize --input DIR --out DIR} asks of a cluster: tokenize the corpus splits
 * {@code train}, {@code valid} and {@code test} of {@code input} into token-cache entries
 * {@code out/train}, {@code out/valid} and {@code out/test}, which the {@code text} domain reads
 * with {@code format: tokens}.
 *
 * @param input the corpus folder, a path or a URI of any file system the cluster reads ({@code hdfs://...}):
 *              each split a {@code .jsonl}, {@code .jsonl.gz} or {@code .parquet} file, or a folder of them
 * @param out the folder of the entries (created when missing; an existing entry is not replaced); a
 *            local path that the driver and every executor see (the entries are memory-mapped)
 * @param tokenizer the tokenizer's registry name
 * @param column the Parquet column holding the documents (JSON lines: always the {@code "text"} field)
 * @param packing {@code wrap} (documents joined, the end-of-sequence id after each) or {@code pad}
 *                (one row of {@code rowLength} ids per document)
 * @param rowLength ids per row with {@code pad}; 0 with {@code wrap}
 * @param shardTokens ids per shard file, or 0 for the token cache's own (2^26)
 */
public record CorpusTokenization(String input, Path out, String tokenizer, String column, String packing, int rowLength,
                                 long shardTokens) {

    /**
     * Validates the request.
     *
     * @throws IllegalArgumentException naming the option and the fix
     */
    public CorpusTokenization {
        if (input == null || input.isBlank()) {
            throw new IllegalArgumentException("--input: empty; give the corpus folder");
        }
        Objects.requireNonNull(out, "out");
        if (tokenizer == null || tokenizer.isBlank()) {
            throw new IllegalArgumentException("--tokenizer: empty; give a tokenizer name, e.g. gpt2");
        }
        if (column == null || column.isBlank()) {
            throw new IllegalArgumentException("--column: empty; give the Parquet column holding the text, e.g. text");
        }
        packing = packing == null ? "wrap" : packing.strip().toLowerCase(Locale.ROOT);
        if (packing.equals("pad")) {
            if (rowLength < 2) {
                throw new IllegalArgumentException("--row-length: " + rowLength + "; --packing pad needs the row length "
                        + "(the model's train.seq_len), at least 2");
            }
        } else if (!packing.equals("wrap")) {
            throw new IllegalArgumentException("--packing: '" + packing + "' is not wrap or pad");
        } else if (rowLength != 0) {
            throw new IllegalArgumentException("--row-length: " + rowLength + " applies to --packing pad only");
        }
        if (shardTokens < 0) {
            throw new IllegalArgumentException("--shard-tokens: " + shardTokens + " is negative; give at least 1 "
                    + "(or leave it out for 2^26)");
        }
    }
}
