package org.mdlm.domains.dna.fasta;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.ByteBuffer;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Segmented storage: reads across segment boundaries, and the N runs' counts against a naive count. */
class BasesTest {

    private static byte[] random(int n, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        byte[] b = new byte[n];
        for (int i = 0; i < n; i++) {
            b[i] = (byte) (rnd.nextDouble() < 0.3 ? 4 : rnd.nextInt(4));
        }
        return b;
    }

    @Test
    void memorySinkSegmentsReadBackExactlyAcrossBoundaries() {
        byte[] ids = random(3 * 4096 + 77, 1);
        MemoryBaseSink sink = new MemoryBaseSink(12);
        SplittableRandom rnd = new SplittableRandom(2);
        for (int at = 0; at < ids.length; ) {
            int n = Math.min(ids.length - at, rnd.nextInt(1, 3000));
            sink.write(ids, at, n);
            at += n;
        }
        Bases b = sink.finish();
        assertEquals(ids.length, b.length());
        assertArrayEquals(ids, b.bytes(0, ids.length));
        for (int trial = 0; trial < 200; trial++) {
            int from = rnd.nextInt(ids.length);
            int len = rnd.nextInt(ids.length - from + 1);
            int[] dst = new int[len + 3];
            b.copy(from, dst, 3, len);
            for (int i = 0; i < len; i++) {
                assertEquals(ids[from + i], dst[3 + i], "position " + (from + i));
            }
            assertEquals(ids[from], b.get(from));
        }
        assertThrows(IndexOutOfBoundsException.class, () -> b.get(ids.length));
        assertThrows(IndexOutOfBoundsException.class, () -> b.copy(ids.length - 2, new int[3], 0, 3));
    }

    @Test
    void segmentsMustBeFullButTheLast() {
        ByteBuffer full = ByteBuffer.allocate(16);
        ByteBuffer part = ByteBuffer.allocate(5);
        assertEquals(37, new Bases(List.of(full, full, part), 4).length());
        assertThrows(IllegalArgumentException.class, () -> new Bases(List.of(part, full), 4));
        assertThrows(IllegalArgumentException.class, () -> new Bases(List.of(ByteBuffer.allocate(17)), 4));
    }

    @Test
    void nRunsCountLikeANaiveScan() {
        byte[] ids = random(5000, 3);
        NRuns.Builder b = new NRuns.Builder();
        int start = -1;
        for (int i = 0; i <= ids.length; i++) {
            boolean n = i < ids.length && ids[i] == 4;
            if (n && start < 0) {
                start = i;
            } else if (!n && start >= 0) {
                b.add(start, i);
                start = -1;
            }
        }
        NRuns runs = b.build();
        SplittableRandom rnd = new SplittableRandom(4);
        for (int trial = 0; trial < 2000; trial++) {
            int from = rnd.nextInt(-5, ids.length + 5);
            int to = rnd.nextInt(from, ids.length + 10);
            long naive = 0;
            for (int i = Math.max(0, from); i < Math.min(to, ids.length); i++) {
                naive += ids[i] == 4 ? 1 : 0;
            }
            assertEquals(naive, runs.count(from, to), "[" + from + ", " + to + ")");
        }
        for (int i = 0; i < ids.length; i++) {
            assertEquals(ids[i] == 4, runs.isN(i), "position " + i);
        }
        assertEquals(runs.count(0, ids.length), runs.total());
        assertThrows(IllegalArgumentException.class, () -> NRuns.of(new long[] {5, 7}, new long[] {8, 9}));
    }
}
