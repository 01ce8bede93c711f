package org.mdlm.spark.tokenize;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mdlm.api.domain.Split;
import org.mdlm.cli.run.CorpusTokenization;
import org.mdlm.cli.run.TokenizedSplit;
import org.mdlm.domains.text.TextConfig;
import org.mdlm.domains.text.TextDomain;
import org.mdlm.domains.text.cache.EntryIndex;
import org.mdlm.spark.SparkSettings;
import org.mdlm.testkit.TestData;

/**
 * The real corpus: webtext-standin, decompressed so that Spark cuts each split into byte ranges of
 * 4 MB read by two tasks, tokenized with gpt2 at the default shard size, gives shard files equal
 * byte for byte to the text domain's own cache of the gzipped originals.
 */
@Tag("data")
class SparkTokenizeWebtextTest {

    @TempDir
    Path tmp;

    @Test
    void webtextStandinEqualsTheLocalCache() throws IOException {
        Path corpus = TestData.data("text/webtext-standin");
        Path plain = Files.createDirectories(tmp.resolve("plain"));
        for (String s : SplitSource.SPLITS) {
            try (InputStream in = new GZIPInputStream(Files.newInputStream(corpus.resolve(s + ".jsonl.gz")))) {
                Files.copy(in, plain.resolve(s + ".jsonl"));
            }
        }
        Path out = tmp.resolve("out");
        SparkSession spark = SparkSession.builder().config(SparkSettings.of("local[2]", "SparkTokenizeWebtextTest"))
                .config("spark.sql.files.maxPartitionBytes", String.valueOf(4 << 20)).getOrCreate();
        List<TokenizedSplit> done;
        try {
            done = new SparkTokenizationProvider().tokenize("local[2]", new CorpusTokenization(plain.toString(), out,
                    "gpt2", "text", "wrap", 0, 0), new PrintWriter(new StringWriter()));
        } finally {
            spark.stop();
        }
        assertEquals(6938, done.get(0).documents(), "README.md: 6,938 training documents");
        Path cache = tmp.resolve("cache");
        TextDomain local = new TextDomain(new TextConfig(corpus.toString(), "gpt2", "auto", "wrap", 0, cache.toString()));
        for (Split s : Split.values()) {
            local.read(s);
        }
        for (String split : SplitSource.SPLITS) {
            Path mine;
            try (Stream<Path> entries = Files.list(cache)) {
                mine = entries.filter(Files::isDirectory).filter(e -> describe(e).startsWith(split + " ")).findFirst()
                        .orElseThrow();
            }
            EntryIndex index = EntryIndex.read(out.resolve(split));
            assertEquals(EntryIndex.read(mine).shardLengths(), index.shardLengths(), split);
            for (int k = 0; k < index.shardLengths().size(); k++) {
                assertArrayEquals(Files.readAllBytes(EntryIndex.read(mine).shard(mine, k)),
                        Files.readAllBytes(index.shard(out.resolve(split), k)), split + " shard " + k);
            }
        }
        assertTrue(Files.size(plain.resolve("train.jsonl")) > 8 << 20, "train is read in several ranges");
        try (Stream<Path> left = Files.walk(out)) {
            assertTrue(left.noneMatch(p -> p.toString().contains(".building-")), "no temporary folder left");
        }
    }

    private static String describe(Path entry) {
        try {
            return EntryIndex.read(entry).describe();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
