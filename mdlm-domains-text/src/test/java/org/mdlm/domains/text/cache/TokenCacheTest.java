package org.mdlm.domains.text.cache;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The token cache: reuse, invalidation, damaged shards, sharding, atomic builds and padded rows. */
class TokenCacheTest {

    @TempDir
    Path tmp;

    private final AtomicInteger builds = new AtomicInteger();
    private final ByteArrayOutputStream log = new ByteArrayOutputStream();

    /** A fake tokenizer: every byte of the files becomes id byte * scale. */
    private TokenCache.Producer bytes(List<Path> files, int scale) {
        return (sink, progress) -> {
            builds.incrementAndGet();
            for (Path f : files) {
                try (InputStream in = progress.counting(Files.newInputStream(f))) {
                    for (int b; (b = in.read()) >= 0; ) {
                        sink.add(b * scale);
                    }
                }
            }
        };
    }

    private TokenCache cache(long shardTokens) {
        return new TokenCache(tmp.resolve("cache"), shardTokens, new PrintStream(log, true, StandardCharsets.UTF_8));
    }

    private static int[] all(MappedTokenStream s) {
        int[] ids = new int[(int) s.length()];
        s.read(0, ids, 0, ids.length);
        return ids;
    }

    private Path file(String name, String text) throws IOException {
        return Files.writeString(tmp.resolve(name), text);
    }

    @Test
    void aSecondOpenReadsTheShardsWithoutTokenizingAgain() throws Exception {
        Path f = file("a.txt", "hello, world of shards");
        TokenCache.Entry e = new TokenCache.Entry("a", List.of(f), "fake", false, 0);
        int[] first = all(cache(5).open(e, bytes(List.of(f), 1)));
        int[] second = all(cache(5).open(e, bytes(List.of(f), 1)));
        assertEquals(1, builds.get(), "tokenized once");
        int[] expected = "hello, world of shards".chars().toArray();
        assertArrayEquals(expected, first);
        assertArrayEquals(expected, second);
        try (Stream<Path> s = Files.list(tmp.resolve("cache"))) {
            assertFalse(s.anyMatch(p -> p.getFileName().toString().contains(".building-")), "no leftovers");
        }
    }

    @Test
    void aChangedCorpusOrRecipeIsTokenizedAgain() throws Exception {
        Path f = file("a.txt", "abc");
        TokenCache c = cache(64);
        assertArrayEquals(new int[] {97, 98, 99}, all(c.open(new TokenCache.Entry("a", List.of(f), "fake", false, 0),
                bytes(List.of(f), 1))));
        assertArrayEquals(new int[] {194, 196, 198}, all(c.open(new TokenCache.Entry("a", List.of(f), "fake x2",
                false, 0), bytes(List.of(f), 2))), "another tokenizer recipe is another entry");
        Files.writeString(f, "abd");
        assertArrayEquals(new int[] {97, 98, 100}, all(c.open(new TokenCache.Entry("a", List.of(f), "fake", false, 0),
                bytes(List.of(f), 1))), "another content is another entry");
        assertEquals(3, builds.get());
    }

    @Test
    void aTruncatedShardIsDetectedAndRebuilt() throws Exception {
        Path f = file("a.txt", "0123456789abcdef");
        TokenCache.Entry e = new TokenCache.Entry("a", List.of(f), "fake", false, 0);
        TokenCache c = cache(4);
        c.open(e, bytes(List.of(f), 1));
        Path shard = tmp.resolve("cache").resolve(c.key(e)).resolve(ShardWriter.shardName("tokens", 2, false));
        try (FileChannel ch = FileChannel.open(shard, StandardOpenOption.WRITE)) {
            ch.truncate(3);
        }
        assertArrayEquals("0123456789abcdef".chars().toArray(), all(c.open(e, bytes(List.of(f), 1))));
        assertEquals(2, builds.get(), "rebuilt");
        assertTrue(log.toString(StandardCharsets.UTF_8).contains("has 3 bytes, expected 8"), log.toString());
    }

    @Test
    void aFailedBuildLeavesNoEntry() throws Exception {
        Path f = file("a.txt", "abc");
        TokenCache.Entry e = new TokenCache.Entry("a", List.of(f), "fake", false, 0);
        TokenCache c = cache(2);
        IOException boom = assertThrows(IOException.class, () -> c.open(e, (sink, p) -> {
            sink.add(1);
            sink.add(2);
            sink.add(3);
            throw new IOException("disk full");
        }));
        assertEquals("disk full", boom.getMessage());
        try (Stream<Path> s = Files.list(tmp.resolve("cache"))) {
            assertEquals(List.of(), s.filter(Files::isDirectory).map(p -> p.getFileName().toString()).toList(),
                    "no entry and no half-built folder");
        }
        assertArrayEquals(new int[] {97, 98, 99}, all(c.open(e, bytes(List.of(f), 1))));
    }

    @Test
    void readsAcrossShardsInBothWidths() throws Exception {
        Path f = file("a.txt", "the quick brown fox jumps over the lazy dog");
        int[] expected = "the quick brown fox jumps over the lazy dog".chars().map(b -> b * 600).toArray();
        MappedTokenStream wide = cache(7).open(new TokenCache.Entry("a", List.of(f), "x600", true, 0),
                bytes(List.of(f), 600));
        assertArrayEquals(expected, all(wide), "int32 shards hold ids above 65535");
        MappedTokenStream narrow = cache(7).open(new TokenCache.Entry("a", List.of(f), "x1", false, 0),
                bytes(List.of(f), 1));
        int[] part = new int[9];
        narrow.read(5, part, 0, 9);  // shards of 7: crosses from shard 0 into shard 1
        assertEquals("uick brow", new String(part, 0, 9));
        assertThrows(IndexOutOfBoundsException.class, () -> narrow.read(40, part, 0, 9));
        assertThrows(IllegalArgumentException.class, () -> cache(7).open(new TokenCache.Entry("b", List.of(f),
                "x600 narrow", false, 0), bytes(List.of(f), 600)), "ids above 65535 need int32 shards");
    }

    @Test
    void paddedRowsKeepCropsAndWindowsOnRowStarts() throws Exception {
        Path f = file("rows.txt", "aaaabbbbccccdddd");
        MappedTokenStream s = cache(64).open(new TokenCache.Entry("rows", List.of(f), "rows", false, 4),
                bytes(List.of(f), 1));
        SplittableRandom rng = new SplittableRandom(3);
        boolean[] seen = new boolean[4];
        for (int i = 0; i < 200; i++) {
            long at = s.cropOffset(4, rng);
            assertEquals(0, at % 4, "a crop starts on a row");
            seen[(int) (at / 4)] = true;
        }
        assertArrayEquals(new boolean[] {true, true, true, true}, seen, "every row is drawn");
        assertEquals(8, s.windowOffset(10, 4));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> s.cropOffset(3, rng));
        assertTrue(e.getMessage().contains("set train.seq_len=4"), e.getMessage());
    }
}
