package org.mdlm.domains.text.cache;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

/**
 * Tokenizes a corpus split once into shards under a cache folder and memory-maps them afterwards.
 *
 * <p>An entry is a folder named by the SHA-256 of the recipe (tokenizer, its vocabulary size,
 * format, packing, row length, split) and of every corpus file's content. Another corpus or another
 * tokenizer is another key, so a changed input is never served stale ids. An entry is built in a
 * temporary folder beside it, its {@code index.properties} written last, and moved into place in one
 * atomic rename: a crash leaves no half entry, and two runs building the same entry at once both
 * end up reading the one that was moved first. A shard whose size disagrees with the index
 * (truncated later) is detected when the entry is opened, and the entry is rebuilt.
 */
public final class TokenCache {

    /** Ids per shard by default: 2^26 (128 MiB of uint16). */
    public static final long DEFAULT_SHARD_TOKENS = 1L << 26;

    private final Path root;
    private final long shardTokens;
    private final PrintStream log;

    /**
     * @param root the cache folder (created when missing)
     * @param shardTokens ids per shard
     * @param log where progress and rebuild notices go (standard error in the CLI)
     */
    public TokenCache(Path root, long shardTokens, PrintStream log) {
        this.root = root;
        this.shardTokens = shardTokens;
        this.log = log;
    }

    /**
     * The default cache folder: the system property {@code mdlm.cache.dir}, else the environment
     * variable {@code MDLM_CACHE}, else {@code ~/.cache/mdlm}; entries go under {@code tokens/}.
     */
    public static Path defaultRoot() {
        String p = System.getProperty("mdlm.cache.dir");
        if (p == null || p.isBlank()) {
            p = System.getenv("MDLM_CACHE");
        }
        Path base = p == null || p.isBlank() ? Path.of(System.getProperty("user.home"), ".cache", "mdlm") : Path.of(p);
        return base.resolve("tokens");
    }

    /**
     * What a cached split is made from.
     *
     * @param describe a short description for messages, e.g. "train (train.jsonl.gz, gpt2)"
     * @param files the corpus files read, in reading order
     * @param recipe everything besides the files' content that decides the ids
     * @param wide int32 ids (vocabularies above 65,536 ids) instead of uint16
     * @param rowLength padded row length, or 0 for a continuous stream
     * @param tokenizer the tokenizer's registry name, recorded in the index (null when the ids come from none)
     * @param vocabularySize the tokenizer's number of ids, mask included (0 with no tokenizer)
     */
    public record Entry(String describe, List<Path> files, String recipe, boolean wide, int rowLength, String tokenizer,
                        int vocabularySize) {

        /** An entry whose ids come from no named tokenizer (tests, tools). */
        public Entry(String describe, List<Path> files, String recipe, boolean wide, int rowLength) {
            this(describe, files, recipe, wide, rowLength, null, 0);
        }
    }

    /** Writes the ids of an entry into a sink, reading its files through the progress counter. */
    @FunctionalInterface
    public interface Producer {
        /** Encodes the corpus into {@code sink}. */
        void produce(TokenSink sink, TokenizeProgress progress) throws IOException;
    }

    /**
     * The entry's stream: the cached one when it is complete, else tokenized now by {@code producer}.
     *
     * @throws IOException if the cache folder cannot be written or the corpus cannot be read
     */
    public MappedTokenStream open(Entry entry, Producer producer) throws IOException {
        Files.createDirectories(root);
        Path dir = root.resolve(key(entry));
        if (Files.isDirectory(dir)) {
            try {
                return openEntry(dir);
            } catch (IOException | RuntimeException e) {
                log.println("token cache: " + dir + " is damaged (" + e.getMessage() + "); tokenizing again");
                deleteTree(dir);
            }
        }
        Path tmp = Files.createTempDirectory(root, dir.getFileName() + ".building-");
        try {
            build(entry, producer, tmp);
            try {
                Files.move(tmp, dir, StandardCopyOption.ATOMIC_MOVE);
            } catch (FileAlreadyExistsException | DirectoryNotEmptyException raced) {
                deleteTree(tmp); // another run finished the same entry first: read theirs
            }
        } catch (IOException | RuntimeException | Error e) {
            deleteTree(tmp);
            throw e;
        }
        return openEntry(dir);
    }

    /** The entry's folder name: the SHA-256 of the layout version, the recipe and the files' contents. */
    String key(Entry entry) throws IOException {
        MessageDigest d = ContentHash.digest();
        update(d, EntryIndex.LAYOUT);
        update(d, entry.recipe());
        update(d, "wide=" + entry.wide() + ",row=" + entry.rowLength());
        for (Path f : entry.files()) {
            update(d, f.getFileName().toString());
            update(d, ContentHash.of(f, root));
        }
        return HexFormat.of().formatHex(d.digest()).substring(0, 32);
    }

    private static void update(MessageDigest d, String s) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        d.update((b.length + ":").getBytes(StandardCharsets.UTF_8));
        d.update(b);
    }

    private void build(Entry entry, Producer producer, Path tmp) throws IOException {
        long total = 0;
        for (Path f : entry.files()) {
            total += Files.size(f);
        }
        TokenizeProgress progress = new TokenizeProgress(entry.describe(), total, log);
        List<Long> lengths;
        long tokens;
        try (ShardWriter w = new ShardWriter(tmp, EntryIndex.STEM, entry.wide(), shardTokens)) {
            try {
                producer.produce(w, progress);
            } catch (UncheckedIOException e) {
                throw e.getCause();
            }
            w.close();
            lengths = w.lengths();
            tokens = w.size();
        }
        progress.done(tokens);
        new EntryIndex(entry.describe(), entry.recipe(), entry.tokenizer(), entry.vocabularySize(), entry.wide(),
                entry.rowLength(), lengths).write(tmp);
    }

    private static MappedTokenStream openEntry(Path dir) throws IOException {
        return EntryIndex.read(dir).open(dir);
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
