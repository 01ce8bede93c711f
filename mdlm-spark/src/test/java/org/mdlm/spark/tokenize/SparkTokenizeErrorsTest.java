package org.mdlm.spark.tokenize;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
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
import org.mdlm.api.domain.DataException;
import org.mdlm.api.domain.Split;
import org.mdlm.api.domain.TokenStream;
import org.mdlm.api.plugin.PluginException;
import org.mdlm.cli.Main;
import org.mdlm.cli.run.CorpusTokenization;
import org.mdlm.domains.text.TextConfig;
import org.mdlm.domains.text.TextDomain;
import org.mdlm.spark.SparkSettings;

/**
 * Bad input to the Spark tokenization job, refused with the file and line (counted across the byte
 * ranges Spark read the file in) and the fix, leaving no half-built entry; and the command line end
 * to end: {@code mdlm tokenize --spark local[2]} on a corpus of single split files, whose entries
 * equal the text domain's own and train a model through {@code format: tokens}.
 */
@Tag("slow")
class SparkTokenizeErrorsTest {

    private static SparkSession spark;
    private static Path tmp;

    @BeforeAll
    static void start() throws IOException {
        tmp = Files.createTempDirectory("mdlm-spark-tokenize-errors");
        spark = SparkSession.builder().config(SparkSettings.of("local[2]", "SparkTokenizeErrorsTest"))
                .config("spark.sql.files.maxPartitionBytes", "2048").config("spark.sql.files.openCostInBytes", "0")
                .getOrCreate();
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

    /** A corpus folder {@code name} whose train split is the file {@code train} with {@code content}. */
    private static Path corpus(String name, String train, byte[] content) throws IOException {
        Path dir = tmp.resolve(name);
        Files.createDirectories(dir);
        Files.write(dir.resolve(train), content);
        Corpora.write(dir.resolve("valid.jsonl"), "{\"text\": \"valid\"}\n");
        Corpora.write(dir.resolve("test.jsonl"), "{\"text\": \"test\"}\n");
        return dir;
    }

    /** 134 good lines (over 8 KB: several byte ranges of 2 KB), blank lines among them, then {@code bad} at line 201. */
    private static byte[] linesThen(byte[] bad) {
        StringBuilder b = new StringBuilder();
        int line = 0;
        for (int i = 0; line < 200; i++) {
            b.append("{\"text\": \"document ").append(i).append(" with some words to make the line longer\"}\n");
            line++;
            if (i % 3 == 2 && line < 200) {
                b.append("\n");
                line++;
            }
        }
        byte[] head = b.toString().getBytes(StandardCharsets.UTF_8);
        byte[] tail = "\n{\"text\": \"after\"}\n".getBytes(StandardCharsets.UTF_8);
        byte[] all = new byte[head.length + bad.length + tail.length];
        System.arraycopy(head, 0, all, 0, head.length);
        System.arraycopy(bad, 0, all, head.length, bad.length);
        System.arraycopy(tail, 0, all, head.length + bad.length, tail.length);
        return all;
    }

    private static DataException refused(Path input, String tokenizer, String column) {
        Path out = tmp.resolve(input.getFileName() + "-out");
        DataException e = assertThrows(DataException.class, () -> tokenize(input, out, tokenizer, column));
        assertNoTemporaryFolders(out);
        return e;
    }

    private static void tokenize(Path input, Path out, String tokenizer, String column) {
        new SparkTokenizationProvider().tokenize("local[2]", new CorpusTokenization(input.toString(), out, tokenizer,
                column, "wrap", 0, 1000), new PrintWriter(new StringWriter()));
    }

    private static void assertNoTemporaryFolders(Path out) {
        if (Files.isDirectory(out)) {
            try (Stream<Path> s = Files.list(out)) {
                List<String> left = s.map(p -> p.getFileName().toString()).filter(n -> n.contains(".building-")).toList();
                assertEquals(List.of(), left, "no half-built entry left in " + out);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    @Test
    void aLineWithoutTextIsNamedByFileAndLineAcrossByteRanges() throws IOException {
        Path input = corpus("no-text", "train.jsonl", linesThen("{\"body\": \"x\"}".getBytes(StandardCharsets.UTF_8)));
        assertTrue(Files.size(input.resolve("train.jsonl")) > 4 * 2048, "the bad line is several byte ranges in");
        DataException e = refused(input, "gpt2", "text");
        assertTrue(e.getMessage().startsWith("line 201 of " + input.resolve("train.jsonl") + " has no \"text\" string "
                + "field"), e.getMessage());
    }

    @Test
    void malformedJsonAndBadUtf8AreNamedByLine() throws IOException {
        Path json = corpus("bad-json", "train.jsonl", linesThen("{\"text\": \"unterminated}".getBytes(StandardCharsets.UTF_8)));
        DataException e = refused(json, "gpt2", "text");
        assertTrue(e.getMessage().startsWith("line 201 of " + json.resolve("train.jsonl") + " cannot be read ("),
                e.getMessage());
        Path utf8 = corpus("bad-utf8", "train.jsonl", linesThen(new byte[] {'{', '"', 't', 'e', 'x', 't', '"', ':', '"',
            'a', (byte) 0xC3, '(', '"', '}'}));
        e = refused(utf8, "gpt2", "text");
        assertTrue(e.getMessage().startsWith("line 201 of " + utf8.resolve("train.jsonl") + " is not valid UTF-8 "
                + "(malformed byte sequence at byte 10 of the line)"), e.getMessage());
    }

    @Test
    void parquetWithoutTheColumnOrWithANullIsRefused() throws IOException {
        Path input = tmp.resolve("parquet-bad");
        StructType schema = new StructType().add("id", DataTypes.LongType).add("body", DataTypes.StringType);
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            rows.add(RowFactory.create((long) i, i == 17 ? null : "row " + i));
        }
        JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        spark.createDataFrame(jsc.parallelize(rows, 1), schema).write().parquet(input.resolve("train").toString());
        Corpora.write(input.resolve("valid.jsonl"), "{\"text\": \"valid\"}\n");
        Corpora.write(input.resolve("test.jsonl"), "{\"text\": \"test\"}\n");
        DataException missing = refused(input, "gpt2", "text");
        assertTrue(missing.getMessage().contains("have no column 'text' (they have id, body); name the text column with "
                + "--column"), missing.getMessage());
        DataException typed = refused(input, "gpt2", "id");
        assertTrue(typed.getMessage().contains("column 'id' of the Parquet files of split train"), typed.getMessage());
        DataException nulls = refused(input, "gpt2", "body");
        assertTrue(nulls.getMessage().matches("row 18 of .*/train/part-00000-[^ ]*\\.parquet has no body \\(null\\).*"),
                nulls.getMessage());
    }

    @Test
    void anEmptyCorpusAMissingSplitAnUnknownTokenizerAndAnExistingEntryAreRefused() throws IOException {
        Path empty = corpus("empty", "train.jsonl", "{\"text\": \"\"}\n\n{\"text\": \"\", \"id\": 2}\n"
                .getBytes(StandardCharsets.UTF_8));
        DataException e = refused(empty, "gpt2", "text");
        assertTrue(e.getMessage().startsWith("split train (" + empty.resolve("train.jsonl") + ") holds no text"),
                e.getMessage());
        Path partial = tmp.resolve("partial");
        Corpora.write(partial.resolve("train.jsonl"), "{\"text\": \"a\"}\n");
        e = refused(partial, "gpt2", "text");
        assertTrue(e.getMessage().contains("lacks splits valid, test; it must hold train, valid and test"), e.getMessage());
        Path good = corpus("good", "train.jsonl.gz", new byte[0]);
        Corpora.write(good.resolve("train.jsonl.gz"), "{\"text\": \"a\"}\n");
        PluginException unknown = assertThrows(PluginException.class, () -> tokenize(good, tmp.resolve("x"), "gpt3",
                "text"));
        assertTrue(unknown.getMessage().contains("gpt3") && unknown.getMessage().contains("bert-base-uncased"),
                unknown.getMessage());
        Path out = tmp.resolve("existing");
        Files.createDirectories(out.resolve("valid"));
        e = assertThrows(DataException.class, () -> tokenize(good, out, "gpt2", "text"));
        assertTrue(e.getMessage().equals(out.resolve("valid") + " already exists; remove it, or give another --out"),
                e.getMessage());
        assertTrue(!Files.exists(out.resolve("train")), "refused before any split was written");
    }

    /** {@code mdlm ARGS...} in this JVM: exit code, standard output and standard error. */
    private static String[] mdlm(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.execute(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new String[] {String.valueOf(code), out.toString(), err.toString()};
    }

    private static int[] ids(TokenStream s) {
        int[] ids = new int[Math.toIntExact(s.length())];
        s.read(0, ids, 0, ids.length);
        return ids;
    }

    @Test
    void theCommandLineTokenizesSplitFilesAndTrainingReadsTheEntries() throws IOException {
        Path input = tmp.resolve("cli-corpus");
        Corpora.write(input.resolve("train.jsonl.gz"), Corpora.jsonLines(Corpora.documents(7, 120)));
        Corpora.write(input.resolve("valid.jsonl"), Corpora.jsonLines(Corpora.documents(8, 20)));
        Corpora.write(input.resolve("test.jsonl"), Corpora.jsonLines(Corpora.documents(9, 20)));
        Path out = tmp.resolve("cli-out");
        String[] r = mdlm("tokenize", "--spark", "local[2]", "--tokenizer", "gpt2", "--input", input.toString(), "--out",
                out.toString());
        assertEquals("0", r[0], r[2]);
        assertTrue(r[1].contains("train: 1") && r[1].contains("tokens in 1 shard,") && r[1].contains(
                "train on them with: --data " + out + " --set domain.format=tokens --set domain.tokenizer=gpt2"), r[1]);
        TextDomain local = new TextDomain(new TextConfig(input.toString(), "gpt2", "auto", "wrap", 0,
                tmp.resolve("cli-cache").toString()));
        TextDomain tokens = new TextDomain(new TextConfig(out.toString(), "gpt2", "tokens"));
        for (Split s : Split.values()) {
            assertArrayEquals(ids(local.read(s)), ids(tokens.read(s)), s.name());
        }
        Path cached;
        try (Stream<Path> entries = Files.list(tmp.resolve("cli-cache"))) {
            cached = entries.filter(p -> Files.isDirectory(p) && p.resolve("index.properties").toFile().exists())
                    .filter(p -> readable(p).startsWith("train ")).findFirst().orElseThrow();
        }
        assertArrayEquals(Files.readAllBytes(cached.resolve("tokens-00000.u16")),
                Files.readAllBytes(out.resolve("train/tokens-00000.u16")), "the default shard size is the cache's: "
                        + "the same single file");
        r = mdlm("tokenize", "--spark", "local[2]", "--input", input.toString(), "--out", out.toString());
        assertEquals("2", r[0], r[2]);
        assertTrue(r[2].contains("already exists"), r[2]);
        Path run = tmp.resolve("run");
        r = mdlm("train", "--preset", "webtext-standin", "--data", out.toString(), "--set", "domain.format=tokens",
                "--set", "train.steps=2", "--set", "train.log_every=1", "--set", "train.eval_every=2", "--set",
                "train.eval_windows=2", "--set", "train.eval_t_samples=1", "--set", "train.checkpoint_every=2",
                "--set", "train.batch_size=2", "--set", "train.seq_len=64", "--out", run.toString());
        assertEquals("0", r[0], r[2]);
        List<String> metrics = Files.readAllLines(run.resolve("metrics.jsonl"));
        assertTrue(metrics.stream().anyMatch(l -> l.contains("\"val_nats\"") || l.contains("val_")), metrics.toString());
        assertTrue(Files.readString(run.resolve("config.json")).contains("\"tokens\""), "the run records the format");
    }

    private static String readable(Path entry) {
        try {
            return org.mdlm.domains.text.cache.EntryIndex.read(entry).describe();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
