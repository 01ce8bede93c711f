package org.mdlm.samplers.analytic;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mdlm.api.model.DenoiserOutputKind;
import org.mdlm.api.sampling.SampleRequest;
import org.mdlm.api.sampling.SampleResult;
import org.mdlm.samplers.ancestral.AncestralConfig;
import org.mdlm.samplers.ancestral.AncestralSampler;
import org.mdlm.samplers.ancestral.FakeDenoiser;

/** Whole runs of the analytic sampler. */
class AnalyticSamplerTest {

    private static final DenoiserOutputKind LSR = DenoiserOutputKind.LOG_SCORE_RATIOS;

    private static SampleResult run(AnalyticConfig config, FakeDenoiser d, SampleRequest r) {
        return new AnalyticSampler(config).sample(d, r, null);
    }

    /** Log score ratios implied by {@link FakeDenoiser#xtDependent}'s p(x0 | xt): log p - log expm1(sigma). */
    private static FakeDenoiser impliedScoresOfXtDependent(int vocab) {
        FakeDenoiser probs = FakeDenoiser.xtDependent(vocab, false);
        int mask = vocab - 1;
        return new FakeDenoiser(LSR, vocab, mask, true, true, (row, l, sigma, out) -> {
            float[] p = probs.evaluate(new int[][] {row}, new double[] {sigma}).values();
            for (int v = 0; v < mask; v++) {
                out[v] = (float) (p[l * vocab + v] - Math.log(Math.expm1(sigma)));
            }
        });
    }

    @Test
    void readsScoresAndCleanLogProbsButRefusesAnArDenoiserWithAMessage() {
        AnalyticSampler sampler = new AnalyticSampler(AnalyticConfig.of(4, 1e-5));
        assertEquals(EnumSet.of(LSR, DenoiserOutputKind.CLEAN_LOG_PROBS), sampler.reads());
        FakeDenoiser ar = FakeDenoiser.xtDependent(6, false).withKind(DenoiserOutputKind.NEXT_TOKEN_LOG_PROBS);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> sampler.sample(ar, new SampleRequest(1, 4, 1L), null));
        assertTrue(e.getMessage().contains("next-token log-probs"), e.getMessage());
        assertTrue(e.getMessage().contains("log score ratios") && e.getMessage().contains("clean-token log-probs"),
                e.getMessage());
        assertEquals(0, ar.calls(), "refused before any call");
    }

    @Test
    void fixedTokensOfTheRequestSurviveAndNoMaskRemains() {
        int mask = 5;
        int[][] initial = {{2, mask, mask, 0, mask, mask, 4, mask}, {mask, 1, 1, mask, mask, mask, mask, 3}};
        for (FakeDenoiser d : new FakeDenoiser[] {FakeDenoiser.xtDependent(6, true), impliedScoresOfXtDependent(6),
            FakeDenoiser.xtDependent(6, true).withKind(LSR)}) {
            SampleResult r = run(AnalyticConfig.of(16, 1e-5), d, new SampleRequest(2, 8, 3L, initial));
            for (int b = 0; b < 2; b++) {
                for (int l = 0; l < 8; l++) {
                    if (initial[b][l] != mask) {
                        assertEquals(initial[b][l], r.tokens()[b][l], d.kind() + ": fixed token at (" + b + ", " + l + ")");
                    } else {
                        assertTrue(r.tokens()[b][l] >= 0 && r.tokens()[b][l] < mask, d.kind() + ": filled at " + l);
                    }
                }
            }
            // every input the denoiser saw kept the fixed tokens too
            for (int[][] input : d.inputs) {
                for (int b = 0; b < 2; b++) {
                    for (int l = 0; l < 8; l++) {
                        if (initial[b][l] != mask) {
                            assertEquals(initial[b][l], input[b][l]);
                        }
                    }
                }
            }
        }
    }

    @Test
    void noMaskRemainsEvenWhenManyPositionsReachTheFinalStep() {
        // eps = 0.5: a masked token survives the single step with probability 1/2, so the final step matters
        FakeDenoiser d = impliedScoresOfXtDependent(7);
        SampleResult r = run(AnalyticConfig.of(1, 0.5), d, new SampleRequest(4, 64, 11L));
        for (int[] row : r.tokens()) {
            for (int tok : row) {
                assertTrue(tok >= 0 && tok < 6, "token " + tok);
            }
        }
        assertEquals(2, r.networkCalls());
        long maskedBeforeFinal = Arrays.stream(d.inputs.get(1)).flatMapToInt(Arrays::stream).filter(t -> t == 6).count();
        assertTrue(maskedBeforeFinal > 80 && maskedBeforeFinal < 176, "masked " + maskedBeforeFinal);
    }

    @Test
    void callsTheDenoiserEveryStepAtSigmaOfTheGridThenAtEpsAndReportsProgress() {
        // a time-independent denoiser is called every step all the same: scores depend on sigma
        FakeDenoiser d = FakeDenoiser.xtDependent(5, false);
        List<int[]> seen = new ArrayList<>();
        SampleResult r = new AnalyticSampler(AnalyticConfig.of(4, 0.2)).sample(d, new SampleRequest(2, 6, 3L),
                (step, total, calls) -> seen.add(new int[] {step, total, calls}));
        double[] times = {1.0, 0.8, 0.6, 0.4, 0.2};
        assertEquals(times.length, d.calls());
        assertEquals(times.length, r.networkCalls());
        for (int k = 0; k < times.length; k++) {
            double expected = -Math.log1p(-(1 - 1e-3) * times[k]);
            assertArrayEquals(new double[] {expected, expected}, d.sigmas.get(k), 1e-12, "call " + k);
            assertArrayEquals(new int[] {k + 1, 5, k + 1}, seen.get(k));
        }
        assertEquals(5, seen.size());
        assertTrue(Arrays.stream(d.inputs.get(0)).flatMapToInt(Arrays::stream).allMatch(tok -> tok == 4));
    }

    @Test
    void readsCleanLogProbsThroughImpliedScoresStepForStepAsDdpmDoes() {
        // with exact implied scores the analytic step is the ancestral one, and both use one uniform per masked
        // position in the same order: the denoiser sees the same sequences at every call, up to the final step
        // (ddpm takes the argmax there, the analytic sampler draws)
        for (long seed = 1; seed <= 5; seed++) {
            SampleRequest request = new SampleRequest(3, 10, seed);
            FakeDenoiser ddpm = FakeDenoiser.xtDependent(6, false);
            FakeDenoiser fromProbs = FakeDenoiser.xtDependent(6, false);
            FakeDenoiser fromScores = impliedScoresOfXtDependent(6);
            new AncestralSampler(AncestralConfig.of(12, 1e-3), false).sample(ddpm, request, null);
            run(AnalyticConfig.of(12, 1e-3), fromProbs, request);
            run(AnalyticConfig.of(12, 1e-3), fromScores, request);
            assertEquals(13, fromProbs.calls());
            assertEquals(13, fromScores.calls());
            for (int k = 0; k < 13; k++) {
                assertArrayEquals(ddpm.inputs.get(k), fromProbs.inputs.get(k), "seed " + seed + ", call " + k);
                assertArrayEquals(fromProbs.inputs.get(k), fromScores.inputs.get(k), "seed " + seed + ", call " + k);
            }
        }
    }

    @Test
    void finalTokensFollowAFactorisedModel() {
        // the same exact scores at every masked position: every step unmasks to p, and so does the final draw
        double[] p = {0.1, 0.2, 0.3, 0.4};
        SampleResult r = run(AnalyticConfig.of(16, 0.3), FakeDenoiser.exactScores(p), new SampleRequest(40, 500, 8L));
        long[] counts = new long[5];
        for (int[] row : r.tokens()) {
            for (int tok : row) {
                counts[tok]++;
            }
        }
        int n = 40 * 500;
        assertEquals(0, counts[4]);
        for (int v = 0; v < 4; v++) {
            assertEquals(p[v], counts[v] / (double) n, 4 * Math.sqrt(p[v] * (1 - p[v]) / n), "token " + v);
        }
    }

    @Test
    void sameSeedSameTokensDifferentSeedDifferentTokens() {
        AnalyticConfig config = AnalyticConfig.of(16, 1e-5);
        int[][] a = run(config, impliedScoresOfXtDependent(10), new SampleRequest(4, 32, 42L)).tokens();
        int[][] b = run(config, impliedScoresOfXtDependent(10), new SampleRequest(4, 32, 42L)).tokens();
        int[][] c = run(config, impliedScoresOfXtDependent(10), new SampleRequest(4, 32, 43L)).tokens();
        assertArrayEquals(a, b);
        assertFalse(Arrays.deepEquals(a, c));
    }

    @Test
    void temperatureAndTopPShapeTheImpliedCleanDistributionButNotWhenPositionsUnmask() {
        double[] p = {0.1, 0.2, 0.3, 0.4};
        int n = 40 * 500;
        // exact scores, shaped: each final token follows p^2 renormalised (T = 0.5), or the top-p 0.6 nucleus {3, 2}
        long[] cold = new long[5];
        for (int[] row : run(new AnalyticConfig(16, 0.3, 0.5, 1.0), FakeDenoiser.exactScores(p),
                new SampleRequest(40, 500, 8L)).tokens()) {
            for (int tok : row) {
                cold[tok]++;
            }
        }
        double[] squared = {0.01 / 0.3, 0.04 / 0.3, 0.09 / 0.3, 0.16 / 0.3};
        for (int v = 0; v < 4; v++) {
            assertEquals(squared[v], cold[v] / (double) n, 4 * Math.sqrt(squared[v] * (1 - squared[v]) / n), "token " + v);
        }
        long[] nucleus = new long[5];
        for (int[] row : run(new AnalyticConfig(16, 0.3, 1.0, 0.6), FakeDenoiser.fixed(p),
                new SampleRequest(40, 500, 8L)).tokens()) {
            for (int tok : row) {
                nucleus[tok]++;
            }
        }
        assertEquals(0, nucleus[0] + nucleus[1] + nucleus[4]);
        double q = 0.4 / 0.7;
        assertEquals(q, nucleus[3] / (double) n, 4 * Math.sqrt(q * (1 - q) / n));

        // the total unmasking probability is kept: with the same seed the same positions unmask at every step
        for (FakeDenoiser[] pair : new FakeDenoiser[][] {{impliedScoresOfXtDependent(8), impliedScoresOfXtDependent(8)},
            {FakeDenoiser.xtDependent(8, true), FakeDenoiser.xtDependent(8, true)}}) {
            run(AnalyticConfig.of(12, 1e-3), pair[0], new SampleRequest(3, 16, 77L));
            run(new AnalyticConfig(12, 1e-3, 0.6, 0.7), pair[1], new SampleRequest(3, 16, 77L));
            boolean differs = false;
            for (int k = 0; k < 13; k++) {
                for (int r = 0; r < 3; r++) {
                    for (int l = 0; l < 16; l++) {
                        assertEquals(pair[0].inputs.get(k)[r][l] == 7, pair[1].inputs.get(k)[r][l] == 7,
                                pair[0].kind() + ", call " + k);
                        differs |= pair[0].inputs.get(k)[r][l] != pair[1].inputs.get(k)[r][l];
                    }
                }
            }
            assertTrue(differs, "shaping changed some drawn token");
        }
    }
}
