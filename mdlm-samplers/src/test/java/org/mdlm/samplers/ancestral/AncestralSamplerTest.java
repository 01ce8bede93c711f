package org.mdlm.samplers.ancestral;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mdlm.api.sampling.SampleRequest;
import org.mdlm.api.sampling.SampleResult;

/** Whole runs of ddpm and ddpm_cache. */
class AncestralSamplerTest {


    private static SampleResult run(boolean cache, AncestralConfig config, FakeDenoiser d, SampleRequest r) {
        return new AncestralSampler(config, cache).sample(d, r, null);
    }

    private static void assertNoMask(int[][] tokens, int mask) {
        for (int[] row : tokens) {
            for (int tok : row) {
                assertTrue(tok >= 0 && tok < mask, "token " + tok);
            }
        }
    }

    @Test
    void allMassOnOneTokenGivesOnlyThatToken() {
        for (boolean cache : new boolean[] {false, true}) {
            FakeDenoiser d = new FakeDenoiser(5, 4, false, true, (row, l, sigma, out) -> out[2] = 0f);
            SampleResult r = run(cache, AncestralConfig.of(8, 1e-5), d, new SampleRequest(3, 17, 5L));
            assertEquals(3, r.tokens().length);
            for (int[] row : r.tokens()) {
                assertEquals(17, row.length);
                for (int tok : row) {
                    assertEquals(2, tok);
                }
            }
        }
    }

    @Test
    void outputHasNoMaskEvenWhenManyPositionsReachNoiseRemoval() {
        // eps = 0.5: a masked token survives the single step with probability 1/2, so noise removal matters
        FakeDenoiser d = FakeDenoiser.xtDependent(7, false);
        SampleResult r = run(false, AncestralConfig.of(1, 0.5), d, new SampleRequest(4, 64, 11L));
        assertNoMask(r.tokens(), 6);
        assertEquals(2, r.networkCalls());
        int maskedBeforeRemoval = 0;
        for (int[] row : d.inputs.get(1)) {
            for (int tok : row) {
                maskedBeforeRemoval += tok == 6 ? 1 : 0;
            }
        }
        assertTrue(maskedBeforeRemoval > 80 && maskedBeforeRemoval < 176, "masked " + maskedBeforeRemoval);
    }

    @Test
    void denoiserSeesSigmaOnTheTimeGridThenAtEps() {
        FakeDenoiser d = FakeDenoiser.xtDependent(5, true);
        run(false, AncestralConfig.of(4, 0.2), d, new SampleRequest(2, 6, 3L));
        double[] times = {1.0, 0.8, 0.6, 0.4, 0.2};
        assertEquals(times.length, d.calls());
        for (int k = 0; k < times.length; k++) {
            double expected = -Math.log1p(-(1 - 1e-3) * times[k]);
            assertArrayEquals(new double[] {expected, expected}, d.sigmas.get(k), 1e-12, "call " + k);
        }
        // the first call sees only masks
        for (int[] row : d.inputs.get(0)) {
            assertTrue(Arrays.stream(row).allMatch(tok -> tok == 4));
        }
    }

    @Test
    void cachedSamplerReturnsTheSameTokensWithExactlyTheCallsNeeded() {
        AncestralConfig config = AncestralConfig.of(64, 1e-5);
        for (long seed = 1; seed <= 6; seed++) {
            SampleRequest request = new SampleRequest(2, 8, seed);
            FakeDenoiser plain = FakeDenoiser.xtDependent(6, false);
            FakeDenoiser cached = FakeDenoiser.xtDependent(6, false);
            SampleResult a = run(false, config, plain, request);
            SampleResult b = run(true, config, cached, request);
            assertArrayEquals(a.tokens(), b.tokens(), "seed " + seed);
            assertEquals(65, a.networkCalls());
            assertEquals(plain.calls(), a.networkCalls());
            assertEquals(cached.calls(), b.networkCalls());
            // a call is needed only when xt differs from the xt of the previous call
            int needed = 1;
            for (int k = 1; k < plain.inputs.size(); k++) {
                if (!Arrays.deepEquals(plain.inputs.get(k), plain.inputs.get(k - 1))) {
                    needed++;
                }
            }
            assertEquals(needed, b.networkCalls(), "seed " + seed);
            assertTrue(b.networkCalls() < a.networkCalls(), "seed " + seed + ": " + b.networkCalls());
            assertTrue(b.networkCalls() <= 1 + 2 * 8, "at most one call per unmasking step plus the first");
        }
    }

    @Test
    void timeConditionedDenoiserIsCalledEveryStepByBothSamplers() {
        AncestralConfig config = AncestralConfig.of(64, 1e-5);
        for (long seed = 1; seed <= 3; seed++) {
            SampleRequest request = new SampleRequest(2, 8, seed);
            SampleResult a = run(false, config, FakeDenoiser.xtDependent(6, true), request);
            SampleResult b = run(true, config, FakeDenoiser.xtDependent(6, true), request);
            assertEquals(65, a.networkCalls());
            assertEquals(a.networkCalls(), b.networkCalls());
            assertArrayEquals(a.tokens(), b.tokens());
        }
    }

    @Test
    void sameSeedSameTokensDifferentSeedDifferentTokens() {
        AncestralConfig config = AncestralConfig.of(16, 1e-5);
        int[][] a = run(false, config, FakeDenoiser.xtDependent(10, false), new SampleRequest(4, 32, 42L)).tokens();
        int[][] b = run(false, config, FakeDenoiser.xtDependent(10, false), new SampleRequest(4, 32, 42L)).tokens();
        int[][] c = run(false, config, FakeDenoiser.xtDependent(10, false), new SampleRequest(4, 32, 43L)).tokens();
        assertArrayEquals(a, b);
        assertFalse(Arrays.deepEquals(a, c));
    }

    @Test
    void finalTokensFollowAFactorisedDenoiser() {
        // with the same p at every masked position, every step draws from p, so each final token is
        // distributed as p (up to the ~1e-5 share decided by the noise-removal argmax)
        double[] p = {0.1, 0.2, 0.3, 0.4};
        SampleResult r = run(true, AncestralConfig.of(16, 1e-5), FakeDenoiser.fixed(p), new SampleRequest(40, 500, 8L));
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
    void progressIsReportedAfterEveryStepAndAfterNoiseRemoval() {
        List<int[]> seen = new ArrayList<>();
        SampleResult r = new AncestralSampler(AncestralConfig.of(5, 1e-5), false).sample(
                FakeDenoiser.xtDependent(5, false), new SampleRequest(1, 4, 2L),
                (step, total, calls) -> seen.add(new int[] {step, total, calls}));
        assertEquals(6, seen.size());
        for (int k = 0; k < 6; k++) {
            assertArrayEquals(new int[] {k + 1, 6, k + 1}, seen.get(k));
        }
        assertEquals(6, r.networkCalls());
    }

    private static long[] counts(int[][] tokens, int vocab) {
        long[] counts = new long[vocab];
        for (int[] row : tokens) {
            for (int tok : row) {
                counts[tok]++;
            }
        }
        return counts;
    }

    @Test
    void temperatureAndTopPShapeTheCleanDrawsOfBothSamplers() {
        // the same p at every masked position: each final token follows the shaped p (up to the ~1e-5 argmax share)
        double[] p = {0.1, 0.2, 0.3, 0.4};
        int n = 40 * 500;
        for (boolean cache : new boolean[] {false, true}) {
            long[] cold = counts(run(cache, new AncestralConfig(16, 1e-5, 0.5, 1.0), FakeDenoiser.fixed(p),
                    new SampleRequest(40, 500, 8L)).tokens(), 5);
            double[] squared = {0.01 / 0.3, 0.04 / 0.3, 0.09 / 0.3, 0.16 / 0.3};   // p^2 renormalised
            for (int v = 0; v < 4; v++) {
                double se = Math.sqrt(squared[v] * (1 - squared[v]) / n);
                assertEquals(squared[v], cold[v] / (double) n, 4 * se, "T = 0.5, token " + v);
            }
            // top-p 0.6: 0.4 + 0.3 reach it, so only tokens 3 and 2 are drawn, as 4 : 3
            long[] nucleus = counts(run(cache, new AncestralConfig(16, 1e-5, 1.0, 0.6), FakeDenoiser.fixed(p),
                    new SampleRequest(40, 500, 8L)).tokens(), 5);
            assertEquals(0, nucleus[0] + nucleus[1] + nucleus[4]);
            double q = 0.4 / 0.7;
            assertEquals(q, nucleus[3] / (double) n, 4 * Math.sqrt(q * (1 - q) / n));
        }
    }

    @Test
    void shapingChangesWhichTokenIsDrawnButNotWhenAPositionUnmasks() {
        // same seed: the same uniforms decide which positions unmask at each step, shaped or not
        AncestralConfig plain = AncestralConfig.of(12, 1e-5);
        FakeDenoiser a = FakeDenoiser.xtDependent(8, false);
        FakeDenoiser b = FakeDenoiser.xtDependent(8, false);
        run(false, plain, a, new SampleRequest(3, 16, 77L));
        run(false, plain.withShaping(0.6, 0.7), b, new SampleRequest(3, 16, 77L));
        assertEquals(a.calls(), b.calls());
        boolean differs = false;
        for (int k = 0; k < a.calls(); k++) {
            for (int r = 0; r < 3; r++) {
                for (int l = 0; l < 16; l++) {
                    assertEquals(a.inputs.get(k)[r][l] == 7, b.inputs.get(k)[r][l] == 7, "call " + k + " (" + r + ", " + l + ")");
                    differs |= a.inputs.get(k)[r][l] != b.inputs.get(k)[r][l];
                }
            }
        }
        assertTrue(differs, "shaping changed some drawn token");
    }
}
