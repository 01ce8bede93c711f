package org.mdlm.samplers.draw;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Temperature and top-p on hand examples, against a naive oracle, and in the frequencies of the draws. */
class DrawShapingTest {

    private static final float NEG_INF = Float.NEGATIVE_INFINITY;

    /** Log-probabilities of {@code probs}, with the mask (log p = -inf) inserted at {@code mask}. */
    private static float[] row(int mask, double... probs) {
        float[] r = new float[probs.length + 1];
        for (int v = 0, i = 0; v < r.length; v++) {
            r[v] = v == mask ? NEG_INF : (float) Math.log(probs[i++]);
        }
        return r;
    }

    private static double[] shaped(double temperature, double topP, float[] row, int mask) {
        double[] p = new double[row.length];
        new DrawShaping(temperature, topP).probabilities(row, 0, row.length, mask, p);
        return p;
    }

    /**
     * The definition, written plainly: p^(1/T) renormalised, sorted by decreasing probability (ties
     * by id), the shortest prefix reaching p kept, renormalised. No slack: used away from boundaries.
     */
    private static double[] oracle(double temperature, double topP, float[] row, int mask) {
        int vocab = row.length;
        double max = Double.NEGATIVE_INFINITY;
        for (int v = 0; v < vocab; v++) {
            if (v != mask) {
                max = Math.max(max, row[v]);
            }
        }
        double[] q = new double[vocab];
        double z = 0;
        for (int v = 0; v < vocab; v++) {
            q[v] = v == mask ? 0 : Math.exp((row[v] - max) / temperature);
            z += q[v];
        }
        List<Integer> ids = new ArrayList<>();
        for (int v = 0; v < vocab; v++) {
            q[v] /= z;
            if (q[v] > 0) {
                ids.add(v);
            }
        }
        ids.sort(Comparator.comparingDouble((Integer v) -> -q[v]).thenComparingInt(v -> v));
        double[] kept = new double[vocab];
        double mass = 0;
        for (int v : ids) {
            kept[v] = q[v];
            mass += q[v];
            if (mass >= topP) {
                break;
            }
        }
        for (int v = 0; v < vocab; v++) {
            kept[v] /= mass;
        }
        return kept;
    }

    @Test
    void topPKeepsTheSmallestMostProbableSetReachingPAndRenormalises() {
        int mask = 4;
        float[] r = row(mask, 0.5, 0.3, 0.15, 0.05);
        assertArrayEquals(new double[] {0.625, 0.375, 0, 0, 0}, shaped(1.0, 0.8, r, mask), 1e-6);
        assertArrayEquals(new double[] {0.5 / 0.95, 0.3 / 0.95, 0.15 / 0.95, 0, 0}, shaped(1.0, 0.81, r, mask), 1e-6);
        assertArrayEquals(new double[] {1, 0, 0, 0, 0}, shaped(1.0, 0.5, r, mask), 1e-6);
        assertArrayEquals(new double[] {1, 0, 0, 0, 0}, shaped(1.0, 1e-9, r, mask), 0.0);
        assertArrayEquals(new double[] {0.5, 0.3, 0.15, 0.05, 0}, shaped(1.0, 1.0, r, mask), 1e-6);
        // the same tokens in another id order, the mask in the middle: the most probable come first, not the lowest ids
        int mid = 2;
        float[] shuffled = row(mid, 0.05, 0.3, 0.5, 0.15);   // ids 0, 1, (mask 2), 3, 4
        assertArrayEquals(new double[] {0, 0.375, 0, 0.625, 0}, shaped(1.0, 0.8, shuffled, mid), 1e-6);
    }

    @Test
    void topPBreaksTiesByTokenId() {
        float[] even = row(4, 0.25, 0.25, 0.25, 0.25);
        assertArrayEquals(new double[] {1, 0, 0, 0, 0}, shaped(1.0, 0.25, even, 4), 1e-6);
        assertArrayEquals(new double[] {0.5, 0.5, 0, 0, 0}, shaped(1.0, 0.3, even, 4), 1e-6);
        assertArrayEquals(new double[] {1.0 / 3, 1.0 / 3, 1.0 / 3, 0, 0}, shaped(1.0, 0.6, even, 4), 1e-6);
        // 0.4 then a tie of 0.2s at ids 0, 2 and 4: p = 0.6 keeps 1 and the lowest-id tie, 0; p = 0.7 also 2
        float[] ties = row(3, 0.2, 0.4, 0.2, 0.2);
        assertArrayEquals(new double[] {1.0 / 3, 2.0 / 3, 0, 0, 0}, shaped(1.0, 0.6, ties, 3), 1e-6);
        assertArrayEquals(new double[] {0.25, 0.5, 0.25, 0, 0}, shaped(1.0, 0.7, ties, 3), 1e-6);
    }

    @Test
    void temperatureRaisesProbabilitiesToOneOverT() {
        float[] r = row(2, 0.2, 0.8);
        assertArrayEquals(new double[] {0.04 / 0.68, 0.64 / 0.68, 0}, shaped(0.5, 1.0, r, 2), 1e-6);
        assertArrayEquals(new double[] {1.0 / 3, 2.0 / 3, 0}, shaped(2.0, 1.0, r, 2), 1e-6);   // sqrt(0.2) : sqrt(0.8) = 1 : 2
        assertArrayEquals(new double[] {0, 1, 0}, shaped(1e-3, 1.0, r, 2), 1e-12);            // near 0: the argmax
        // temperature first, then the nucleus of the tempered distribution: 0.25, 0.09, 0.0225, 0.0025 over 0.365
        float[] four = row(4, 0.5, 0.3, 0.15, 0.05);
        assertArrayEquals(new double[] {0.25 / 0.34, 0.09 / 0.34, 0, 0, 0}, shaped(0.5, 0.9, four, 4), 1e-6);
        assertArrayEquals(new double[] {0.25 / 0.3625, 0.09 / 0.3625, 0.0225 / 0.3625, 0, 0},
                shaped(0.5, 0.95, four, 4), 1e-6);
    }

    @Test
    void largeRowsAgreeWithTheNaiveDefinition() {
        // exercises both the pre-filtered sort (peaked rows) and flat rows where most tokens are candidates
        SplittableRandom random = new SplittableRandom(5L);
        for (int trial = 0; trial < 40; trial++) {
            int vocab = 500 + random.nextInt(1500);
            int mask = random.nextInt(vocab);
            double spread = trial % 2 == 0 ? 8.0 : 0.5;
            float[] r = new float[vocab];
            for (int v = 0; v < vocab; v++) {
                r[v] = v == mask ? 3f : (float) (spread * random.nextGaussian());
            }
            if (trial % 5 == 0) {
                r[(mask + 1) % vocab] = NEG_INF;   // a token without mass
            }
            double temperature = 0.3 + 2 * random.nextDouble();
            double topP = 0.05 + 0.9 * random.nextDouble();
            double[] got = shaped(temperature, topP, r, mask);
            double[] want = oracle(temperature, topP, r, mask);
            assertArrayEquals(want, got, 1e-9, "trial " + trial);
        }
    }

    @Test
    void identityAndTemperatureOnlyDrawExactlyAsTheUnshapedInverseCdf() {
        SplittableRandom random = new SplittableRandom(17L);
        DrawShaping identity = new DrawShaping(1.0, 1.0);
        DrawShaping cold = new DrawShaping(0.7, 1.0);
        assertTrue(identity.isIdentity());
        assertFalse(cold.isIdentity());
        assertFalse(new DrawShaping(1.0, 0.999).isIdentity());
        for (int trial = 0; trial < 2000; trial++) {
            float[] r = new float[9];
            for (int v = 0; v < 9; v++) {
                r[v] = (float) (3 * random.nextGaussian());
            }
            double w = random.nextDouble();
            assertEquals(CleanCategorical.inverseCdf(r, 0, 9, 4, w), identity.inverseCdf(r, 0, 9, 4, w));
            assertEquals(CleanCategorical.inverseCdf(r, 0, 9, 4, w, 0.7), cold.inverseCdf(r, 0, 9, 4, w));
        }
    }

    @Test
    void drawFrequenciesMatchTheShapedTarget() {
        int mask = 2;
        float[] r = {(float) Math.log(0.35), (float) Math.log(0.05), 1.5f, (float) Math.log(0.3),
            (float) Math.log(0.2), (float) Math.log(0.1)};
        double temperature = 0.8;
        double topP = 0.85;
        double[] target = oracle(temperature, topP, r, mask);
        assertEquals(0.0, target[1], "0.05 is outside the nucleus");
        assertEquals(0.0, target[5], "0.1 is outside the nucleus");
        DrawShaping shaping = new DrawShaping(temperature, topP);
        SplittableRandom random = new SplittableRandom(2024L);
        int n = 200_000;
        long[] counts = new long[6];
        for (int i = 0; i < n; i++) {
            counts[shaping.inverseCdf(r, 0, 6, mask, random.nextDouble())]++;
        }
        for (int v = 0; v < 6; v++) {
            double se = Math.sqrt(target[v] * (1 - target[v]) / n);
            if (target[v] == 0.0) {
                assertEquals(0, counts[v], "token " + v + " is never drawn");
            } else {
                assertEquals(target[v], counts[v] / (double) n, 4 * se, "token " + v);
            }
        }
    }

    @Test
    void theModelProbabilityOfATokenIgnoresTheMaskAndAnyShaping() {
        float[] r = {(float) Math.log(0.125), (float) Math.log(0.5), (float) Math.log(0.125), (float) Math.log(0.25)};
        assertEquals(0.25, CleanCategorical.probability(r, 0, 4, 1, 0), 1e-7);
        assertEquals(0.5, CleanCategorical.probability(r, 0, 4, 1, 3), 1e-7);
        assertThrows(IllegalArgumentException.class, () -> CleanCategorical.probability(r, 0, 4, 1, 1));
    }

    @Test
    void invalidSettingsAreNamedInTheMessage() {
        for (double t : new double[] {0.0, -1.0, Double.NaN, Double.POSITIVE_INFINITY}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new DrawShaping(t, 1.0));
            assertTrue(e.getMessage().contains("temperature"), e.getMessage());
        }
        for (double p : new double[] {0.0, -0.5, 1.0000001, Double.NaN}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new DrawShaping(1.0, p));
            assertTrue(e.getMessage().contains("top_p") && e.getMessage().contains("(0, 1]"), e.getMessage());
        }
    }
}
