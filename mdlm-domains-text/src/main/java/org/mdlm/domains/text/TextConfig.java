package org.mdlm.domains.text;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Config of the {@code "text"} domain: a corpus read through a tokenizer.
 *
 * <p>{@code data} is a directory holding the three splits, named as the {@code text8} domain names
 * them: {@code train}, {@code valid} and {@code test}, each with the ending {@code .jsonl.gz},
 * {@code .jsonl}, {@code .txt.gz} or {@code .txt} (tried in that order). With {@code format =
 * "folder"} the splits are instead sub-directories {@code train/}, {@code valid/} and {@code test/}
 * whose files (in name order) are each one document ({@code .jsonl[.gz]} files: one per line). It
 * may be null in a preset; reading a split then fails, asking for {@code --data DIR}.
 *
 * <p>{@code format} says how a split file holds documents:
 * <ul>
 *   <li>{@code auto}: {@code jsonl} for {@code .jsonl[.gz]} files, {@code text8} otherwise;</li>
 *   <li>{@code jsonl}: one JSON object per line, its {@code "text"} string field a document;</li>
 *   <li>{@code text8}: the whole file is one running text (one document);</li>
 *   <li>{@code lines}: every non-blank line is a document;</li>
 *   <li>{@code folder}: one sub-directory per split, one document per file;</li>
 *   <li>{@code tokens}: no text: {@code data} holds token-cache entry folders {@code train/},
 *       {@code valid/} and {@code test/} written by {@code mdlm tokenize --spark} (shard files and an
 *       {@code index.properties}), memory-mapped as they are; their tokenizer and packing must be
 *       the configured ones.</li>
 * </ul>
 *
 * <p>{@code packing} says how documents become model rows: {@code wrap} (default, as the reference
 * does for OpenWebText) joins them into one stream that crops cut anywhere; {@code pad} (as the
 * reference does for LM1B) makes each document one row of exactly {@code row_length} ids, truncated
 * or filled with the tokenizer's pad id, which never counts in the loss or the metrics.
 *
 * <p>A split is tokenized once into the token cache ({@code cache_dir}, default
 * {@code ~/.cache/mdlm/tokens}, or {@code $MDLM_CACHE/tokens}); the data folder is only read.
 *
 * @param data corpus directory, or null when it must be given on the command line
 * @param tokenizer name of the tokenizer (a {@code tokenizer} plugin), default {@code gpt2}
 * @param format {@code auto}, {@code jsonl}, {@code text8}, {@code lines}, {@code folder} or {@code tokens}
 * @param packing {@code wrap} or {@code pad}
 * @param rowLength ids per row with {@code pad} (the model's sequence length); 0 with {@code wrap}
 * @param cacheDir the token cache folder, or null for the default
 */
public record TextConfig(String data, String tokenizer, String format, String packing, int rowLength,
                         String cacheDir) {

    /** The accepted values of {@code format}. */
    public static final java.util.List<String> FORMATS = java.util.List.of("auto", "jsonl", "text8", "lines", "folder",
            "tokens");
    /** The accepted values of {@code packing}. */
    public static final java.util.List<String> PACKINGS = java.util.List.of("wrap", "pad");

    /** A config with wrapping and the default cache. */
    public TextConfig(String data, String tokenizer, String format) {
        this(data, tokenizer, format, "wrap", 0, null);
    }

    /**
     * Validates the config; a null {@code tokenizer} or {@code format} takes its default.
     *
     * @throws IllegalArgumentException naming the bad field and what is accepted
     */
    public TextConfig {
        if (data != null && data.isEmpty()) {
            data = null;
        }
        if (data != null) {
            if (data.isBlank()) {
                throw new IllegalArgumentException("data: '" + data + "' is blank; give a corpus directory");
            }
            try {
                Path.of(data);
            } catch (InvalidPathException e) {
                throw new IllegalArgumentException("data: '" + data + "' is not a valid path (" + e.getReason()
                        + "); give a corpus directory", e);
            }
        }
        tokenizer = tokenizer == null ? "gpt2" : tokenizer.strip();
        if (tokenizer.isEmpty()) {
            throw new IllegalArgumentException("tokenizer: empty; give a tokenizer name, e.g. gpt2");
        }
        format = format == null ? "auto" : format.strip().toLowerCase(Locale.ROOT);
        if (!FORMATS.contains(format)) {
            throw new IllegalArgumentException("format: '" + format + "' is not one of " + String.join(", ", FORMATS));
        }
        packing = packing == null ? "wrap" : packing.strip().toLowerCase(Locale.ROOT);
        if (!PACKINGS.contains(packing)) {
            throw new IllegalArgumentException("packing: '" + packing + "' is not one of " + String.join(", ", PACKINGS));
        }
        if (packing.equals("pad")) {
            if (rowLength < 2) {
                throw new IllegalArgumentException("row_length: " + rowLength + "; packing pad needs the row length "
                        + "(the model's train.seq_len), at least 2");
            }
            if (format.equals("text8")) {
                throw new IllegalArgumentException("packing pad makes one row per document, but format text8 is one "
                        + "running text; use format lines, jsonl or folder, or packing wrap");
            }
        } else if (rowLength != 0) {
            throw new IllegalArgumentException("row_length: " + rowLength + " applies to packing pad only; leave it "
                    + "0 with packing wrap (crops take train.seq_len)");
        }
        if (cacheDir != null && cacheDir.isBlank()) {
            cacheDir = null;
        }
    }

    /** True when each document is one padded row. */
    public boolean padded() {
        return packing.equals("pad");
    }

    /** The default: no data (it must be given), tokenizer {@code gpt2}, format {@code auto}, wrapping. */
    public static TextConfig defaults() {
        return new TextConfig(null, "gpt2", "auto");
    }
}
