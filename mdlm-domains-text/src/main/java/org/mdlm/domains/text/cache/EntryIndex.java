package org.mdlm.domains.text.cache;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Properties;

/**
 * The {@code index.properties} of a token-cache entry: what the ids are (tokenizer, vocabulary size,
 * packing), how they are stored (id width) and how many ids each shard file holds. An entry is a
 * folder of shard files {@code tokens-00000.u16} (or {@code .i32}), ... written by
 * {@link ShardWriter}, and this index, written last: a folder without it is not an entry.
 *
 * <p>Both writers of the format use it: the local {@link TokenCache} and the Spark tokenization
 * job of mdlm-spark; the {@code text} domain reads it back ({@link #read}, {@link #open}).
 *
 * @param describe a short description for messages, e.g. {@code "train (train.jsonl.gz, gpt2)"}
 * @param recipe everything besides the corpus content that decided the ids
 * @param tokenizer the tokenizer's registry name, or null in entries written before it was recorded
 * @param vocabularySize the tokenizer's number of ids, mask included (0 when unknown)
 * @param wide int32 ids instead of uint16
 * @param rowLength the length of padded rows, or 0 for a continuous stream
 * @param shardLengths the number of ids of each shard, in order
 */
public record EntryIndex(String describe, String recipe, String tokenizer, int vocabularySize, boolean wide,
                         int rowLength, List<Long> shardLengths) {

    /** The layout the index and shards follow; bump when the shard layout or the document joining changes. */
    public static final String LAYOUT = "mdlm-token-cache/1";
    /** The index's file name inside an entry. */
    public static final String FILE = "index.properties";
    /** The shard files' name stem inside an entry. */
    public static final String STEM = "tokens";

    /**
     * Validates the index.
     *
     * @throws IllegalArgumentException naming the field when a value is missing or negative
     */
    public EntryIndex {
        Objects.requireNonNull(describe, "describe");
        Objects.requireNonNull(recipe, "recipe");
        if (vocabularySize < 0) {
            throw new IllegalArgumentException("vocabularySize: " + vocabularySize + " is negative");
        }
        if (rowLength < 0) {
            throw new IllegalArgumentException("rowLength: " + rowLength + " is negative; 0 means no padded rows");
        }
        shardLengths = List.copyOf(shardLengths);
        for (Long n : shardLengths) {
            if (n < 0) {
                throw new IllegalArgumentException("shardLengths: " + n + " ids in a shard");
            }
        }
    }

    /**
     * Whether ids of a vocabulary of {@code vocabularySize} ids are stored as int32 rather than uint16
     * (the rule both writers follow, so equal corpora give equal bytes).
     */
    public static boolean wideIds(int vocabularySize) {
        return vocabularySize > 0xFFFF;
    }

    /** The number of ids of the entry. */
    public long tokens() {
        long n = 0;
        for (long s : shardLengths) {
            n += s;
        }
        return n;
    }

    /** The file of shard {@code i} in the entry folder {@code dir}. */
    public Path shard(Path dir, int i) {
        return dir.resolve(ShardWriter.shardName(STEM, i, wide));
    }

    /** Writes {@link #FILE} into {@code dir} (call it after the shards are complete). */
    public void write(Path dir) throws IOException {
        Properties p = new Properties();
        p.setProperty("layout", LAYOUT);
        p.setProperty("describe", describe);
        p.setProperty("recipe", recipe);
        if (tokenizer != null) {
            p.setProperty("tokenizer", tokenizer);
            p.setProperty("vocabularySize", String.valueOf(vocabularySize));
        }
        p.setProperty("wide", String.valueOf(wide));
        p.setProperty("rowLength", String.valueOf(rowLength));
        p.setProperty("tokens", String.valueOf(tokens()));
        p.setProperty("shards", String.valueOf(shardLengths.size()));
        for (int i = 0; i < shardLengths.size(); i++) {
            p.setProperty("shard." + i, String.valueOf(shardLengths.get(i)));
        }
        try (OutputStream out = Files.newOutputStream(dir.resolve(FILE))) {
            p.store(out, "token cache entry: " + describe);
        }
    }

    /**
     * Reads the index of the entry folder {@code dir}.
     *
     * @throws IOException when the index is missing, of another layout, or a value is missing or malformed
     */
    public static EntryIndex read(Path dir) throws IOException {
        Path file = dir.resolve(FILE);
        if (!Files.isRegularFile(file)) {
            throw new IOException("no " + FILE + " in " + dir);
        }
        Properties p = new Properties();
        try (InputStream in = Files.newInputStream(file)) {
            p.load(in);
        }
        if (!LAYOUT.equals(p.getProperty("layout"))) {
            throw new IOException(file + " has layout " + p.getProperty("layout") + ", not " + LAYOUT);
        }
        try {
            int shards = Integer.parseInt(required(p, "shards", file));
            List<Long> lengths = new ArrayList<>(shards);
            for (int i = 0; i < shards; i++) {
                lengths.add(Long.parseLong(required(p, "shard." + i, file)));
            }
            return new EntryIndex(p.getProperty("describe", ""), p.getProperty("recipe", ""), p.getProperty("tokenizer"),
                    Integer.parseInt(p.getProperty("vocabularySize", "0")), Boolean.parseBoolean(required(p, "wide", file)),
                    Integer.parseInt(p.getProperty("rowLength", "0")), lengths);
        } catch (IllegalArgumentException e) {
            throw new IOException(file + " is malformed: " + e.getMessage(), e);
        }
    }

    private static String required(Properties p, String key, Path file) throws IOException {
        String v = p.getProperty(key);
        if (v == null) {
            throw new IOException(file + " lacks " + key);
        }
        return v;
    }

    /**
     * Memory-maps the entry's shards in {@code dir}.
     *
     * @throws CorruptShardException when a shard is missing or its size disagrees with this index
     * @throws IOException when a shard cannot be mapped
     */
    public MappedTokenStream open(Path dir) throws IOException {
        List<Path> files = new ArrayList<>(shardLengths.size());
        for (int i = 0; i < shardLengths.size(); i++) {
            files.add(shard(dir, i));
        }
        return new MappedTokenStream(files, shardLengths, wide, rowLength);
    }
}
