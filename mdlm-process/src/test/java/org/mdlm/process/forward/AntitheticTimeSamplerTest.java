package org.mdlm.process.forward;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Stratification, range and statistics of the time samplers. */
class AntitheticTimeSamplerTest {

    private static final double EPS = 1e-3;

    private static int stratum(double t, int n) {
        return (int) Math.floor((t - EPS) / (1 - EPS) * n);
    }

    @Test
    void oneSamplePerStratumInStratumOrder() {
        int n = 8;
        for (long seed = 0; seed < 2000; seed++) {
            double[] t = AntitheticTimeSampler.sample(n, EPS, new SplittableRandom(seed));
            assertEquals(n, t.length);
            boolean[] seen = new boolean[n];
            for (int i = 0; i < n; i++) {
                assertTrue(t[i] >= EPS && t[i] <= 1.0, "seed " + seed + ": t=" + t[i]);
                double lo = EPS + (1 - EPS) * i / n;
                double hi = EPS + (1 - EPS) * (i + 1) / n;
                assertTrue(t[i] >= lo && t[i] < hi, "seed " + seed + ": t[" + i + "]=" + t[i]
                        + " outside [" + lo + ", " + hi + ")");
                int k = stratum(t[i], n);
                assertFalse(seen[k], "seed " + seed + ": two samples in stratum " + k);
                seen[k] = true;
            }
        }
    }

    @Test
    void positionsWithinStrataAreUniform() {
        // The offset of sample i inside its stratum is a U(0,1) draw: its mean over 4000 seeds
        // is 0.5 within 4 standard errors (sd 1/sqrt(12 * 4000) = 0.00456).
        int n = 4;
        int draws = 4000;
        double[] sum = new double[n];
        for (long seed = 0; seed < draws; seed++) {
            double[] t = AntitheticTimeSampler.sample(n, EPS, new SplittableRandom(1000 + seed));
            for (int i = 0; i < n; i++) {
                sum[i] += (t[i] - EPS) / (1 - EPS) * n - i;
            }
        }
        double se = Math.sqrt(1.0 / 12 / draws);
        for (int i = 0; i < n; i++) {
            assertEquals(0.5, sum[i] / draws, 4 * se, "stratum " + i);
        }
    }

    @Test
    void singleSampleCoversTheWholeRange() {
        double min = 1;
        double max = 0;
        for (long seed = 0; seed < 500; seed++) {
            double t = AntitheticTimeSampler.sample(1, EPS, new SplittableRandom(seed))[0];
            assertTrue(t >= EPS && t <= 1.0);
            min = Math.min(min, t);
            max = Math.max(max, t);
        }
        assertTrue(min < 0.02 && max > 0.98, "min " + min + " max " + max);
    }

    @Test
    void independentSamplesAreUniformOnEpsToOne() {
        SplittableRandom rng = new SplittableRandom(42);
        int n = 100_000;
        double[] t = AntitheticTimeSampler.sample(n, EPS, rng, false);
        assertTrue(Arrays.stream(t).allMatch(x -> x >= EPS && x <= 1.0));
        double mean = Arrays.stream(t).average().orElseThrow();
        double se = (1 - EPS) * Math.sqrt(1.0 / 12 / n);
        assertEquals(EPS + (1 - EPS) / 2, mean, 4 * se);
        // Not stratified: the first 8 of 100k uniform draws are not sorted into the 8 strata.
        long inOwnStratum = 0;
        for (int i = 0; i < 8; i++) {
            inOwnStratum += stratum(t[i], 8) == i ? 1 : 0;
        }
        assertTrue(inOwnStratum < 8);
    }

    @Test
    void sameSeedSameTimes() {
        assertArrayEquals(AntitheticTimeSampler.sample(16, EPS, new SplittableRandom(7)),
                AntitheticTimeSampler.sample(16, EPS, new SplittableRandom(7)));
        assertArrayEquals(AntitheticTimeSampler.sample(16, EPS, new SplittableRandom(7)),
                AntitheticTimeSampler.sample(16, EPS, new SplittableRandom(7), true));
    }

    @Test
    void rejectsBadArguments() {
        SplittableRandom rng = new SplittableRandom(1);
        assertThrows(IllegalArgumentException.class, () -> AntitheticTimeSampler.sample(0, EPS, rng));
        assertThrows(IllegalArgumentException.class, () -> AntitheticTimeSampler.sample(4, 1.0, rng));
        assertThrows(IllegalArgumentException.class, () -> AntitheticTimeSampler.sample(4, -0.1, rng));
        assertThrows(IllegalArgumentException.class, () -> AntitheticTimeSampler.sampleIndependent(4, Double.NaN, rng));
    }
}
