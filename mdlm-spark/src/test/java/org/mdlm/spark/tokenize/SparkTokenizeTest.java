package org.mdlm.spark.tokenize;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.mdlm.api.domain.Split;
import org.mdlm.api.domain.TokenStream;
import org.mdlm.cli.run.CorpusTokenization;
import org.mdlm.cli.run.TokenizedSplit;
import org.mdlm.domains.text.TextConfig;
import org.mdlm.domains.text.TextDomain;
import org.mdlm.domains.text.cache.EntryIndex;
import org.mdlm.spark.SparkSettings;

/**
 * The Spark tokenization job against the text domain's own local tokenization of the same corpus
 * (its token cache, an independent route through the local reader): shard files equal byte for byte
 * over a corpus of several JSON-lines files (one gzipped) cut into many small byte ranges that Spark
 * packs into partitions out of order, with a shard size of 1,000 ids so that parts straddle shards;
 * the same documents as Parquet give the same ids; the entries are read back by {@code format: tokens}.
 * One Spark session (local[2]) serves the class.
 */
@Tag("slow")
class SparkTokenizeTest {

    private static final long SHARD = 1000;
    private static SparkSession spark;
    private static Path tmp;
    /** The JSON-lines corpus (folders train/, valid/, test/) and its local entries' folders by split. */
    private static Path corpus;
    private static final List<Path> LOCAL = new ArrayList<>();
    /** The documents of each split in corpus order. */
    private static final List<List<String>> DOCS = new ArrayList<>();

    @BeforeAll
    static void start() throws IOException {
        tmp = Files.createTempDirectory("mdlm-spark-tokenize");
        // byte ranges of at most 2 KB, packed into partitions by Spark (largest first, so out of order)
        spark = SparkSession.builder().config(SparkSettings.of("local[2]", "SparkTokenizeTest"))
                .config("spark.sql.files.maxPartitionBytes", "2048").config("spark.sql.files.openCostInBytes", "0")
                .getOrCreate();
        corpus = tmp.resolve("corpus");
        List<String> a = Corpora.documents(1, 40);
        List<String> b = Corpora.documents(2, 60);
        List<String> c = Corpora.documents(3, 160);
        // written in another order than their names, of different sizes: c.jsonl is cut into many ranges
        Corpora.write(corpus.resolve("train/c.jsonl"), Corpora.jsonLines(c));
        Corpora.write(corpus.resolve("train/a.jsonl"), Corpora.jsonLines(a));
        Corpora.write(corpus.resolve("train/b.jsonl.gz"), Corpora.jsonLines(b));
        List<String> train = new ArrayList<>(a);
        train.addAll(b);
        train.addAll(c);
        List<String> valid = Corpora.documents(4, 30);
        List<String> test = Corpora.documents(5, 30);
        Corpora.write(corpus.resolve("valid/v.jsonl"), Corpora.jsonLines(valid));
        Corpora.write(corpus.resolve("test/t.jsonl.gz"), Corpora.jsonLines(test));
        DOCS.addAll(List.of(train, valid, test));
        Path cache = tmp.resolve("cache");
        TextDomain local = new TextDomain(new TextConfig(corpus.toString(), "gpt2", "folder", "wrap", 0, cache.toString()));
        for (Split s : Split.values()) {
            local.read(s);
        }
        for (String split : SplitSource.SPLITS) {
            try (Stream<Path> entries = Files.list(cache)) {
                LOCAL.add(entries.filter(Files::isDirectory).filter(e -> describe(e).startsWith(split + " ")).findFirst()
                        .orElseThrow());
            }
        }
    }

    @AfterAll
    static void stop() throws IOException {
        if (spark != null) {
            spark.stop();
        }
        try (Stream<Path> files = Files.walk(tmp)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    private static String describe(Path entry) {
        try {
            return EntryIndex.read(entry).describe();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static List<TokenizedSplit> tokenize(Path input, Path out, String tokenizer, String column, long shard) {
        StringWriter log = new StringWriter();
        return new SparkTokenizationProvider().tokenize("local[2]",
                new CorpusTokenization(input.toString(), out, tokenizer, column, "wrap", 0, shard), new PrintWriter(log));
    }

    private static int[] ids(TokenStream s) {
        int[] ids = new int[Math.toIntExact(s.length())];
        s.read(0, ids, 0, ids.length);
        return ids;
    }

    private static byte[] concatenatedShards(Path entry) throws IOException {
        EntryIndex index = EntryIndex.read(entry);
        java.io.ByteArrayOutputStream all = new java.io.ByteArrayOutputStream();
        for (int i = 0; i < index.shardLengths().size(); i++) {
            all.write(Files.readAllBytes(index.shard(entry, i)));
        }
        return all.toByteArray();
    }

    @Test
    void jsonLinesShardsEqualTheLocalCacheByteForByte() throws IOException {
        Path out = tmp.resolve("json-out");
        List<TokenizedSplit> done = tokenize(corpus, out, "gpt2", "text", SHARD);
        assertEquals(SplitSource.SPLITS, done.stream().map(TokenizedSplit::split).toList());
        for (int s = 0; s < 3; s++) {
            Path entry = out.resolve(SplitSource.SPLITS.get(s));
            EntryIndex spark = EntryIndex.read(entry);
            EntryIndex local = EntryIndex.read(LOCAL.get(s));
            assertEquals(local.tokens(), spark.tokens(), "token count of " + entry);
            assertEquals(local.tokens(), done.get(s).tokens());
            assertEquals(DOCS.get(s).stream().filter(d -> !d.isEmpty()).count(), done.get(s).documents());
            assertEquals(1, local.shardLengths().size(), "the local cache's 2^26 ids hold the split in one shard");
            assertEquals((local.tokens() + SHARD - 1) / SHARD, spark.shardLengths().size(), "shards of 1,000 ids");
            assertEquals(List.of(false, 0, "gpt2", 50258), List.of(spark.wide(), spark.rowLength(), spark.tokenizer(),
                    spark.vocabularySize()));
            byte[] expected = Files.readAllBytes(local.shard(LOCAL.get(s), 0));
            long at = 0;
            for (int k = 0; k < spark.shardLengths().size(); k++) {
                byte[] shard = Files.readAllBytes(entry.resolve(String.format("tokens-%05d.u16", k)));
                assertEquals(Math.min(SHARD, local.tokens() - k * SHARD) * 2, shard.length, "shard " + k);
                assertArrayEquals(Arrays.copyOfRange(expected, (int) at, (int) at + shard.length), shard,
                        "shard " + k + " of " + entry);
                at += shard.length;
            }
            try (Stream<Path> files = Files.list(entry)) {
                assertEquals(spark.shardLengths().size() + 1, files.count(), "shards and the index, no parts left");
            }
        }
        assertTrue(local(0).tokens() > 8 * SHARD, "the train split spans many shards: " + local(0).tokens());
        try (Stream<Path> files = Files.list(out)) {
            assertEquals(List.of("test", "train", "valid"), files.map(p -> p.getFileName().toString()).sorted().toList(),
                    "no temporary folders left");
        }
    }

    private static EntryIndex local(int split) throws IOException {
        return EntryIndex.read(LOCAL.get(split));
    }

    /** Spark really cut the files into ranges and packed them out of order: what the ordering must undo. */
    @Test
    void theCorpusIsReadInManyRangesThatPartitionsHoldOutOfOrder() {
        SplitSource train = SplitSource.find(spark.sparkContext().hadoopConfiguration(), corpus.toString(), "train");
        List<Row> rows = DocumentRows.of(spark, train, "text").javaRDD()
                .mapPartitionsWithIndex((p, it) -> {
                    List<Row> first = new ArrayList<>();
                    String last = null;
                    while (it.hasNext()) {
                        Row r = it.next();
                        String range = r.getString(1) + "@" + r.getLong(2);
                        if (!range.equals(last)) {
                            first.add(RowFactory.create(p, SplitSource.keyOf(r.getString(1)), r.getLong(2)));
                            last = range;
                        }
                    }
                    return first.iterator();
                }, true).collect();
        assertTrue(rows.size() >= 10, "ranges: " + rows.size());
        boolean outOfOrder = false;
        for (int i = 1; i < rows.size(); i++) {
            String prev = rows.get(i - 1).getString(1) + String.format("%012d", rows.get(i - 1).getLong(2));
            String next = rows.get(i).getString(1) + String.format("%012d", rows.get(i).getLong(2));
            outOfOrder |= prev.compareTo(next) > 0;
        }
        assertTrue(outOfOrder, "Spark's partition order differs from the corpus order: " + rows);
    }

    @Test
    void parquetDocumentsGiveTheSameIds() throws IOException {
        Path parquet = tmp.resolve("parquet");
        StructType schema = new StructType().add("id", DataTypes.LongType).add("body", DataTypes.StringType);
        JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        for (int s = 0; s < 3; s++) {
            List<Row> rows = new ArrayList<>();
            for (String d : DOCS.get(s)) {
                rows.add(RowFactory.create((long) rows.size(), d));
            }
            // three partitions in order: part-00000-..., part-00001-..., part-00002-... hold consecutive rows
            spark.createDataFrame(jsc.parallelize(rows, 3), schema).write()
                    .parquet(parquet.resolve(SplitSource.SPLITS.get(s)).toString());
        }
        Path out = tmp.resolve("parquet-out");
        tokenize(parquet, out, "gpt2", "body", SHARD);
        for (int s = 0; s < 3; s++) {
            assertArrayEquals(concatenatedShards(LOCAL.get(s)), concatenatedShards(out.resolve(SplitSource.SPLITS.get(s))),
                    SplitSource.SPLITS.get(s));
        }
    }

    @Test
    void theTokensFormatReadsTheIdsOfTheLocalTokenization() throws IOException {
        Path out = tmp.resolve("format-out");
        tokenize(corpus, out, "gpt2", "text", SHARD);
        TextDomain local = new TextDomain(new TextConfig(corpus.toString(), "gpt2", "folder", "wrap", 0,
                tmp.resolve("cache").toString()));
        TextDomain tokens = new TextDomain(new TextConfig(out.toString(), "gpt2", "tokens"));
        for (Split s : Split.values()) {
            assertArrayEquals(ids(local.read(s)), ids(tokens.read(s)), s.name());
        }
        assertFalse(Files.exists(out.resolve("train/parts")));
    }
}
