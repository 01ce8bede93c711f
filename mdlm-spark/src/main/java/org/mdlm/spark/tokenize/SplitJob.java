package org.mdlm.spark.tokenize;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.SparkSession;
import org.mdlm.api.domain.DataException;
import org.mdlm.api.domain.Tokenizer;
import org.mdlm.cli.run.CorpusTokenization;
import org.mdlm.cli.run.TokenizedSplit;
import org.mdlm.domains.text.cache.EntryIndex;

/**
 * One split into one entry, {@code OUT/SPLIT}: built in a temporary folder beside it
 * ({@code OUT/.SPLIT.building-*}), part files first (one Spark job), then the shards assembled from
 * them (a second job, a task per shard), the parts deleted, the index written last and the folder
 * renamed into place in one atomic move. A failure deletes the temporary folder.
 */
final class SplitJob {

    private final SparkSession spark;
    private final CorpusTokenization request;
    private final Tokenizer tokenizer;
    private final long shardTokens;

    /**
     * @param tokenizer the request's tokenizer, as the driver found it
     * @param shardTokens ids per shard
     */
    SplitJob(SparkSession spark, CorpusTokenization request, Tokenizer tokenizer, long shardTokens) {
        this.spark = spark;
        this.request = request;
        this.tokenizer = tokenizer;
        this.shardTokens = shardTokens;
    }

    /** Tokenizes {@code source} into its entry. */
    TokenizedSplit run(SplitSource source) {
        long started = System.nanoTime();
        Path entry = request.out().resolve(source.split());
        boolean wide = EntryIndex.wideIds(tokenizer.size());
        int row = request.packing().equals("pad") ? request.rowLength() : 0;
        Path building;
        try {
            // not createTempDirectory: its owner-only permissions would stay on the entry and keep executors of
            // another user (and later readers) out; this folder takes the umask's
            building = Files.createDirectory(request.out().resolve("." + source.split() + ".building-" + UUID.randomUUID()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a folder in " + request.out() + ": " + e.getMessage(), e);
        }
        try {
            Path parts = Files.createDirectory(building.resolve("parts"));
            PartitionTokenizer task = new PartitionTokenizer(parts.toAbsolutePath().toString(), request.tokenizer(),
                    source.kind(), request.column(), row, wide);
            List<PartReport> ordered = PartOrder.of(DocumentRows.of(spark, source, request.column()).javaRDD()
                    .mapPartitionsWithIndex(task, true).collect(), source);
            long tokens = 0;
            long documents = 0;
            List<PartReport> withIds = new ArrayList<>();
            for (PartReport r : ordered) {
                tokens += r.tokens();
                documents += r.documents();
                if (r.file() != null) {
                    withIds.add(r);
                }
            }
            if (tokens == 0) {
                throw new DataException("split " + source.split() + " (" + source.location() + ") holds no text; give "
                        + "it a non-empty corpus (" + SplitSource.EXPECTED + ")");
            }
            List<Long> lengths = assemble(withIds, tokens, wide, building);
            deleteTree(parts);
            new EntryIndex(describe(source), recipe(source, row), request.tokenizer(), tokenizer.size(), wide, row,
                    lengths).write(building);
            Files.move(building, entry, StandardCopyOption.ATOMIC_MOVE);
            return new TokenizedSplit(source.split(), entry, documents, tokens, lengths.size(),
                    (System.nanoTime() - started) / 1e9);
        } catch (IOException e) {
            deleteQuietly(building);
            throw new UncheckedIOException("cannot write the entry " + entry + ": " + e.getMessage(), e);
        } catch (RuntimeException | Error e) {
            deleteQuietly(building);
            throw e;
        }
    }

    /** Shards of {@code shardTokens} ids (the last one shorter), one task each; their lengths. */
    private List<Long> assemble(List<PartReport> parts, long tokens, boolean wide, Path building) {
        int shards = Math.toIntExact((tokens + shardTokens - 1) / shardTokens);
        List<Integer> ids = new ArrayList<>(shards);
        for (int k = 0; k < shards; k++) {
            ids.add(k);
        }
        ShardAssembler assembler = new ShardAssembler(parts.stream().map(PartReport::file).toArray(String[]::new),
                parts.stream().mapToLong(PartReport::tokens).toArray(), shardTokens, wide,
                building.toAbsolutePath().toString(), EntryIndex.STEM);
        List<Long> lengths = JavaSparkContext.fromSparkContext(spark.sparkContext()).parallelize(ids, shards)
                .map(assembler).collect();
        for (int k = 0; k < shards; k++) {
            long expected = Math.min(shardTokens, tokens - k * shardTokens);
            if (lengths.get(k) != expected) {
                throw new IllegalStateException("shard " + k + " got " + lengths.get(k) + " ids, expected " + expected);
            }
        }
        return lengths;
    }

    private String describe(SplitSource source) {
        return source.split() + " (" + (source.size() == 1 ? source.names().get(0) : source.size() + " files of "
                + source.location()) + ", " + request.tokenizer() + ", Spark)";
    }

    private String recipe(SplitSource source, int row) {
        return "tokenizer=" + request.tokenizer() + ",ids=" + tokenizer.size() + ",base=" + tokenizer.baseSize()
                + ",formats=[" + source.kind().name().toLowerCase(java.util.Locale.ROOT)
                + (source.kind() == CorpusKind.PARQUET ? ":" + request.column() : "") + " x" + source.size()
                + "],packing=" + request.packing() + (row > 0 ? ",row=" + row : "");
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    private static void deleteQuietly(Path dir) {
        try {
            deleteTree(dir);
        } catch (IOException | UncheckedIOException ignored) {
            // the failure being reported matters more than a leftover temporary folder
        }
    }
}
