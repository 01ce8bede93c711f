package org.mdlm.backbones.layers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/** The fast mask against the plain per-entry rule it implements. */
class DropoutMaskTest {

    /** The plain rule: entry i uses half of long i/2 (high half first), dropped below p * 2^32. */
    private static float[] plain(int n, double p, SplittableRandom rng) {
        float[] v = new float[n];
        long t = (long) Math.floor(p * 4294967296.0);
        long r = 0;
        for (int i = 0; i < n; i++) {
            long bits;
            if (i % 2 == 0) {
                r = rng.nextLong();
                bits = r >>> 32;
            } else {
                bits = r & 0xFFFFFFFFL;
            }
            v[i] = bits < t ? 0f : (float) (1.0 / (1.0 - p));
        }
        return v;
    }

    @Test
    void maskEqualsThePlainRuleForOddAndEvenSizes() {
        for (int[] s : new int[][] {{3, 5, 7}, {2, 4, 8}}) {
            INDArray m = Dropout.mask(0.1, s[2], DataType.FLOAT).compute(s[0], s[1], new SplittableRandom(42));
            assertArrayEquals(new long[] {s[0], s[1], s[2]}, m.shape());
            assertArrayEquals(plain(s[0] * s[1] * s[2], 0.1, new SplittableRandom(42)), m.data().asFloat());
        }
    }

    @Test
    void dropRateAndMeanMatchP() {
        INDArray m = Dropout.mask(0.1, 128, DataType.FLOAT).compute(16, 128, new SplittableRandom(5));
        float[] v = m.data().asFloat();
        int zeros = 0;
        for (float x : v) {
            assertTrue(x == 0f || x == (float) (1 / 0.9), "value " + x);
            zeros += x == 0f ? 1 : 0;
        }
        // 262144 Bernoulli(0.1) draws: sd of the rate is 5.9e-4, so 0.003 is 5 sd.
        assertEquals(0.1, zeros / (double) v.length, 0.003);
        INDArray none = Dropout.mask(0.0, 4, DataType.FLOAT).compute(2, 3, new SplittableRandom(1));
        assertEquals(24.0, none.sumNumber().doubleValue(), 0.0);
        INDArray half = Dropout.mask(0.5, 4, DataType.DOUBLE).compute(2, 3, new SplittableRandom(1));
        assertEquals(DataType.DOUBLE, half.dataType());
    }
}
