package org.mdlm.samplers.confidence;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.mdlm.api.model.DenoiserOutput;
import org.mdlm.api.model.DenoiserOutputKind;
import org.mdlm.api.sampling.SampleRequest;
import org.mdlm.api.sampling.SampleResult;
import org.mdlm.samplers.ancestral.FakeDenoiser;
import org.mdlm.samplers.draw.CleanCategorical;

/**
 * The confidence sampler: scheduled counts per step, most confident first, fixed tokens kept,
 * remasking that keeps the totals, and plain sampling equal to a naive reference written from the
 * definition.
 */
class ConfidenceSamplerTest {

    private static final int V = 6;
    private static final int MASK = 5;

    private static SampleResult run(ConfidenceConfig config, FakeDenoiser d, SampleRequest r) {
        return new ConfidenceSampler(config).sample(d, r, null);
    }

    private static int masks(int[] row) {
        return (int) Arrays.stream(row).filter(t -> t == MASK).count();
    }

    /** Masks left after step j for M initial masks: round(M t_j) (the test schedule's m(t)/m(1) is t), 0 at the end. */
    private static int expectedRemaining(ConfidenceConfig c, int m, int j) {
        return j == c.steps() ? 0 : (int) Math.round(m * c.time(j));
    }

    /**
     * Position l gives token l mod 5 probability conf[l] and the other four clean tokens (1 - conf[l]) / 4;
     * with a tiny top-p the candidate is that token and its confidence is conf[l].
     */
    private static FakeDenoiser peaked(double[] conf) {
        return peaked(conf, MASK);
    }

    /** As {@link #peaked(double[])} with token l mod {@code period} (period 1: token 0 everywhere, identical rows). */
    private static FakeDenoiser peaked(double[] conf, int period) {
        return new FakeDenoiser(V, MASK, false, true, (row, l, sigma, out) -> {
            for (int v = 0; v < MASK; v++) {
                out[v] = (float) Math.log(v == l % period ? conf[l] : (1 - conf[l]) / 4);
            }
        });
    }

    /** The definition without remasking, written plainly (unshaped draws, a list sort), as the oracle. */
    private static int[][] reference(ConfidenceConfig c, FakeDenoiser d, SampleRequest r) {
        int[][] x = r.start(MASK, V);
        int[] m = Arrays.stream(x).mapToInt(ConfidenceSamplerTest::masks).toArray();
        SplittableRandom random = new SplittableRandom(r.seed());
        for (int j = 1; j <= c.steps(); j++) {
            int[] k = new int[x.length];
            boolean any = false;
            for (int b = 0; b < x.length; b++) {
                k[b] = expectedRemaining(c, m[b], j - 1) - expectedRemaining(c, m[b], j);
                any |= k[b] > 0;
            }
            if (!any) {
                continue;
            }
            double sigma = FakeDenoiser.SCHEDULE.sigma(c.time(j - 1));
            double[] sigmas = new double[x.length];
            Arrays.fill(sigmas, sigma);
            DenoiserOutput out = d.evaluate(x, sigmas);
            for (int b = 0; b < x.length; b++) {
                if (k[b] == 0) {
                    continue;
                }
                List<double[]> drawn = new ArrayList<>();   // {position, candidate, confidence}
                for (int l = 0; l < x[b].length; l++) {
                    if (x[b][l] == MASK) {
                        int cand = CleanCategorical.inverseCdf(out.values(), out.offset(b, l), V, MASK, random.nextDouble());
                        double z = 0;
                        for (int v = 0; v < MASK; v++) {
                            z += Math.exp(out.get(b, l, v));
                        }
                        drawn.add(new double[] {l, cand, Math.exp(out.get(b, l, cand)) / z});
                    }
                }
                drawn.sort(Comparator.comparingDouble((double[] e) -> -e[2]).thenComparingDouble(e -> e[0]));
                for (int i = 0; i < k[b]; i++) {
                    x[b][(int) drawn.get(i)[0]] = (int) drawn.get(i)[1];
                }
            }
        }
        return x;
    }

    private static final int[][] INITIAL = {
        {MASK, 3, MASK, MASK, MASK, MASK, MASK, MASK, 0, MASK, MASK, MASK, MASK, MASK, MASK, MASK, MASK, 4, MASK, MASK},
        {MASK, MASK, MASK, MASK, MASK, MASK, MASK, MASK, MASK, MASK, MASK, MASK, MASK, MASK, MASK, MASK, MASK, MASK, MASK, MASK},
        {1, 1, 1, 1, MASK, MASK, MASK, 2, MASK, MASK, MASK, MASK, MASK, MASK, MASK, MASK, MASK, MASK, MASK, 0}};

    @Test
    void plainSamplingEqualsTheNaiveReference() {
        ConfidenceConfig plain = new ConfidenceConfig(7, 1e-5, 1.0, 1.0, false, 0.3);
        for (long seed = 1; seed <= 5; seed++) {
            SampleRequest request = new SampleRequest(3, 20, seed, INITIAL);
            int[][] want = reference(plain, FakeDenoiser.xtDependent(V, false), request);
            assertArrayEquals(want, run(plain, FakeDenoiser.xtDependent(V, false), request).tokens(), "seed " + seed);
            assertArrayEquals(want, run(ConfidenceConfig.of(7, 1e-5), FakeDenoiser.xtDependent(V, false), request)
                    .tokens(), "seed " + seed);
        }
        int[][] other = run(plain, FakeDenoiser.xtDependent(V, false), new SampleRequest(3, 20, 99L)).tokens();
        int[][] shaped = run(plain.withShaping(0.5, 0.6), FakeDenoiser.xtDependent(V, false),
                new SampleRequest(3, 20, 99L)).tokens();
        assertFalse(Arrays.deepEquals(other, shaped), "shaping changes the candidates");
    }

    @Test
    void unmasksExactlyTheScheduledNumberPerStepAndLeavesNoMask() {
        for (boolean remask : new boolean[] {false, true}) {
            ConfidenceConfig c = new ConfidenceConfig(7, 1e-5, 1.0, 1.0, remask, 0.5);
            FakeDenoiser d = FakeDenoiser.xtDependent(V, false);
            SampleResult r = run(c, d, new SampleRequest(3, 20, 5L, INITIAL));
            assertEquals(7, d.calls());
            assertEquals(7, r.networkCalls());
            int[] m = Arrays.stream(INITIAL).mapToInt(ConfidenceSamplerTest::masks).toArray();
            assertArrayEquals(new int[] {17, 20, 14}, m);
            for (int j = 0; j < 7; j++) {
                for (int b = 0; b < 3; b++) {
                    int want = expectedRemaining(c, m[b], j);
                    assertEquals(want, masks(d.inputs.get(j)[b]), "remask " + remask + ": masks before step " + (j + 1)
                            + ", row " + b);
                    // the log-linear schedule gives the linear rule up to rounding
                    assertTrue(Math.abs(want - (m[b] - Math.round(m[b] * j / 7.0))) <= 1);
                }
            }
            for (int b = 0; b < 3; b++) {
                assertEquals(0, masks(r.tokens()[b]), "no mask remains");
                for (int l = 0; l < 20; l++) {
                    if (INITIAL[b][l] != MASK) {
                        assertEquals(INITIAL[b][l], r.tokens()[b][l], "fixed token at (" + b + ", " + l + ")");
                        for (int[][] input : d.inputs) {
                            assertEquals(INITIAL[b][l], input[b][l], "fixed token in every input");
                        }
                    }
                }
            }
        }
    }

    @Test
    void unmasksTheMostConfidentPositionsFirstWithTiesByPosition() {
        int length = 12;
        double[] conf = new double[length];
        for (int l = 0; l < length; l++) {
            conf[l] = 0.3 + 0.05 * ((l * 5) % length);   // a permutation of 0.3, 0.35, ..., 0.85
        }
        ConfidenceConfig c = new ConfidenceConfig(4, 1e-5, 1.0, 1e-9, false, 0.0);   // top-p ~0: the argmax
        FakeDenoiser d = peaked(conf);
        SampleResult r = run(c, d, new SampleRequest(1, length, 3L));
        Integer[] byConfidence = new Integer[length];
        for (int l = 0; l < length; l++) {
            byConfidence[l] = l;
        }
        Arrays.sort(byConfidence, Comparator.comparingDouble((Integer l) -> -conf[l]));
        for (int j = 1; j < 4; j++) {
            int unmasked = length - expectedRemaining(c, length, j);
            int[] input = d.inputs.get(j)[0];
            for (int i = 0; i < length; i++) {
                int l = byConfidence[i];
                assertEquals(i < unmasked ? l % MASK : MASK, input[l], "after step " + j + ", position " + l);
            }
        }
        for (int l = 0; l < length; l++) {
            assertEquals(l % MASK, r.tokens()[0][l]);
        }
        // equal confidences (identical rows, so equal to the last bit): lower positions first
        double[] flat = new double[length];
        Arrays.fill(flat, 0.6);
        FakeDenoiser even = peaked(flat, 1);
        run(c, even, new SampleRequest(1, length, 3L));
        int[] afterFirst = even.inputs.get(1)[0];
        assertEquals(3, length - masks(afterFirst));
        assertArrayEquals(new int[] {0, 0, 0, MASK, MASK, MASK, MASK, MASK, MASK, MASK, MASK, MASK}, afterFirst);
    }

    @Test
    void remaskingTakesBackTheLeastConfidentEarlierChoicesOnly() {
        int length = 16;
        double[] conf = new double[length];
        for (int l = 0; l < length; l++) {
            conf[l] = 0.3 + 0.04 * ((l * 7) % length);
        }
        int[][] initial = {new int[length]};
        Arrays.fill(initial[0], MASK);
        initial[0][5] = 2;   // a fixed token, with the lowest "confidence" of all would it be drawn
        conf[5] = 0.26;
        ConfidenceConfig c = new ConfidenceConfig(4, 1e-5, 1.0, 1e-9, true, 0.5);
        FakeDenoiser d = peaked(conf);
        SampleResult r = run(c, d, new SampleRequest(1, length, 3L, initial));
        int m = length - 1;
        // after step 1: the k_1 most confident positions; step 2 unmasks k_2 + r_2 and remasks r_2 of the step-1 ones
        int[] after1 = d.inputs.get(1)[0];
        int[] after2 = d.inputs.get(2)[0];
        assertEquals(expectedRemaining(c, m, 1), masks(after1));
        assertEquals(expectedRemaining(c, m, 2), masks(after2), "remasking keeps the scheduled count");
        List<Integer> first = new ArrayList<>();
        for (int l = 0; l < length; l++) {
            if (after1[l] != MASK && l != 5) {
                first.add(l);
            }
        }
        int r2 = Math.min((int) Math.floor(0.5 * first.size()), expectedRemaining(c, m, 2));
        assertTrue(r2 > 0);
        first.sort(Comparator.comparingDouble((Integer l) -> conf[l]));
        for (int i = 0; i < first.size(); i++) {
            int l = first.get(i);
            assertEquals(i < r2, after2[l] == MASK, "step-1 token at " + l + (i < r2 ? " remasked" : " kept"));
        }
        for (int[][] input : d.inputs) {
            assertEquals(2, input[0][5], "the fixed token is never remasked");
        }
        assertEquals(0, masks(r.tokens()[0]));
        assertEquals(2, r.tokens()[0][5]);
    }

    @Test
    void callsTheDenoiserAtSigmaOfTheGridSkipsIdleStepsAndReportsProgress() {
        FakeDenoiser d = FakeDenoiser.xtDependent(V, true);
        List<int[]> seen = new ArrayList<>();
        SampleResult r = new ConfidenceSampler(ConfidenceConfig.of(4, 0.2)).sample(d, new SampleRequest(2, 8, 3L),
                (step, total, calls) -> seen.add(new int[] {step, total, calls}));
        double[] times = {1.0, 0.8, 0.6, 0.4};
        assertEquals(4, d.calls());
        for (int k = 0; k < 4; k++) {
            double expected = -Math.log1p(-(1 - 1e-3) * times[k]);
            assertArrayEquals(new double[] {expected, expected}, d.sigmas.get(k), 1e-12, "call " + k);
            assertArrayEquals(new int[] {k + 1, 4, k + 1}, seen.get(k));
        }
        assertEquals(4, r.networkCalls());
        // 3 masks over 8 steps: 3 steps unmask one each, the others make no call
        int[][] three = {{0, MASK, 1, MASK, 2, 3, MASK, 4}};
        FakeDenoiser sparse = FakeDenoiser.xtDependent(V, false);
        SampleResult s = run(ConfidenceConfig.of(8, 1e-5), sparse, new SampleRequest(1, 8, 1L, three));
        assertEquals(3, s.networkCalls());
        assertEquals(3, sparse.calls());
        assertEquals(0, masks(s.tokens()[0]));
    }

    @Test
    void refusesModelsThatDoNotGiveCleanLogProbsWithAMessage() {
        ConfidenceSampler sampler = new ConfidenceSampler(ConfidenceConfig.defaults());
        FakeDenoiser scores = FakeDenoiser.exactScores(0.25, 0.25, 0.25, 0.25);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> sampler.sample(scores, new SampleRequest(1, 4, 1L), null));
        assertTrue(e.getMessage().contains("clean-token log-probs") && e.getMessage().contains("log score ratios"),
                e.getMessage());
        assertEquals(0, scores.calls(), "refused before any call");
        assertTrue(sampler.incompatibility(DenoiserOutputKind.LOG_SCORE_RATIOS, true).isPresent());
        assertTrue(sampler.incompatibility(DenoiserOutputKind.NEXT_TOKEN_LOG_PROBS, false).isPresent());
        assertTrue(sampler.incompatibility(DenoiserOutputKind.CLEAN_LOG_PROBS, true).isEmpty());
        assertTrue(sampler.incompatibility(DenoiserOutputKind.CLEAN_LOG_PROBS, false).isEmpty());
    }

    @Test
    void configDefaultsAndValidation() {
        ConfidenceConfig c = ConfidenceConfig.defaults();
        assertEquals(new ConfidenceConfig(128, 1e-5, 1.0, 1.0, false, 0.05), c);
        assertEquals(new ConfidenceConfig(128, 1e-5, 1.0, 1.0, true, 0.2), c.withRemask(0.2));
        assertEquals(1e-5, c.time(128));
        String[][] bad = {{"steps", "0", "1e-5", "1", "1", "0.1"}, {"eps", "4", "0", "1", "1", "0.1"},
            {"temperature", "4", "1e-5", "0", "1", "0.1"}, {"top_p", "4", "1e-5", "1", "1.5", "0.1"},
            {"remask_fraction", "4", "1e-5", "1", "1", "-0.1"}, {"remask_fraction", "4", "1e-5", "1", "1", "1.1"}};
        for (String[] b : bad) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new ConfidenceConfig(
                    Integer.parseInt(b[1]), Double.parseDouble(b[2]), Double.parseDouble(b[3]), Double.parseDouble(b[4]),
                    true, Double.parseDouble(b[5])));
            assertTrue(e.getMessage().contains(b[0]), e.getMessage());
        }
    }
}
