package org.mdlm.process.forward;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.mdlm.api.schedule.NoiseSchedule;
import org.mdlm.process.schedule.LogLinearConfig;
import org.mdlm.process.schedule.LogLinearSchedule;

/** The masking forward process: rates, the written ids, and determinism. */
class AbsorbingProcessTest {

    private static final int MASK = 50;
    private static final double EPS = 1e-3;
    private final NoiseSchedule schedule = new LogLinearSchedule(new LogLinearConfig(EPS));

    private static int[][] randomTokens(int rows, int cols, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        int[][] x = new int[rows][cols];
        for (int[] row : x) {
            for (int i = 0; i < cols; i++) {
                row[i] = rng.nextInt(MASK);
            }
        }
        return x;
    }

    /** 200,000 tokens at one t: the masked fraction is (1-eps) t within 4 standard errors. */
    @ParameterizedTest(name = "t = {0}")
    @ValueSource(doubles = {0.1, 0.5, 0.9})
    void maskingRateIsOneMinusEpsTimesT(double t) {
        int rows = 100;
        int cols = 2000;
        int[][] x0 = randomTokens(rows, cols, 3);
        double[] times = new double[rows];
        Arrays.fill(times, t);
        int[][] xt = AbsorbingProcess.mask(x0, times, schedule, MASK, new SplittableRandom(17));
        long masked = 0;
        for (int b = 0; b < rows; b++) {
            for (int i = 0; i < cols; i++) {
                if (xt[b][i] == MASK) {
                    masked++;
                } else {
                    assertEquals(x0[b][i], xt[b][i], "unmasked tokens must be unchanged");
                }
            }
        }
        double n = (double) rows * cols;
        double p = (1 - EPS) * t;
        double se = Math.sqrt(p * (1 - p) / n);
        assertEquals(p, masked / n, 4 * se, "masked fraction at t=" + t);
    }

    @Test
    void eachRowUsesItsOwnTime() {
        int cols = 50_000;
        int[][] x0 = randomTokens(4, cols, 5);
        double[] t = {0.0, 0.25, 0.75, 1.0};
        int[][] xt = AbsorbingProcess.mask(x0, t, schedule, MASK, new SplittableRandom(9));
        assertArrayEquals(x0[0], xt[0], "t = 0 masks nothing");
        for (int b = 1; b < 4; b++) {
            long masked = Arrays.stream(xt[b]).filter(v -> v == MASK).count();
            double p = (1 - EPS) * t[b];
            double se = Math.sqrt(p * (1 - p) / cols);
            assertEquals(p, (double) masked / cols, 4 * se, "row " + b);
            // Both halves of the row are masked at the same rate (no positional bias).
            long firstHalf = Arrays.stream(xt[b], 0, cols / 2).filter(v -> v == MASK).count();
            assertEquals(p, 2.0 * firstHalf / cols, 4 * Math.sqrt(p * (1 - p) / (cols / 2.0)), "row " + b);
        }
    }

    @Test
    void flatAndNestedAgreeAndAreDeterministic() {
        int[][] x0 = randomTokens(3, 7, 8);
        int[] flat = Arrays.stream(x0).flatMapToInt(Arrays::stream).toArray();
        double[] t = {0.2, 0.6, 0.95};
        int[][] nested = AbsorbingProcess.mask(x0, t, schedule, MASK, new SplittableRandom(99));
        int[] flatOut = AbsorbingProcess.mask(flat, 3, 7, t, schedule, MASK, new SplittableRandom(99));
        assertArrayEquals(Arrays.stream(nested).flatMapToInt(Arrays::stream).toArray(), flatOut);
        assertArrayEquals(flatOut, AbsorbingProcess.mask(flat, 3, 7, t, schedule, MASK, new SplittableRandom(99)));
        assertArrayEquals(randomTokens(3, 7, 8), x0, "input must not be modified");
    }

    @Test
    void flatVariantMasksAtTheRightRate() {
        int batch = 20;
        int length = 10_000;
        int[] x0 = new int[batch * length];
        Arrays.fill(x0, 7);
        double[] t = new double[batch];
        Arrays.fill(t, 0.3);
        int[] xt = AbsorbingProcess.mask(x0, batch, length, t, schedule, MASK, new SplittableRandom(4));
        assertTrue(Arrays.stream(xt).allMatch(v -> v == 7 || v == MASK));
        double p = (1 - EPS) * 0.3;
        double rate = Arrays.stream(xt).filter(v -> v == MASK).count() / (double) xt.length;
        assertEquals(p, rate, 4 * Math.sqrt(p * (1 - p) / xt.length));
    }

    @Test
    void rejectsMismatchedShapes() {
        SplittableRandom rng = new SplittableRandom(1);
        assertThrows(IllegalArgumentException.class,
                () -> AbsorbingProcess.mask(new int[2][3], new double[] {0.5}, schedule, MASK, rng));
        assertThrows(IllegalArgumentException.class,
                () -> AbsorbingProcess.mask(new int[5], 2, 3, new double[] {0.5, 0.5}, schedule, MASK, rng));
        assertThrows(IllegalArgumentException.class,
                () -> AbsorbingProcess.mask(new int[6], 2, 3, new double[] {0.5}, schedule, MASK, rng));
        assertThrows(IllegalArgumentException.class,
                () -> AbsorbingProcess.mask(new int[1][3], new double[] {1.5}, schedule, MASK, rng));
    }
}
