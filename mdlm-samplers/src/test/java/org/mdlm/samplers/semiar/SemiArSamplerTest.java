package org.mdlm.samplers.semiar;

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
import org.mdlm.samplers.analytic.AnalyticConfig;
import org.mdlm.samplers.analytic.AnalyticSampler;
import org.mdlm.samplers.ancestral.AncestralConfig;
import org.mdlm.samplers.ancestral.AncestralSampler;
import org.mdlm.samplers.ancestral.FakeDenoiser;

/**
 * Semi-autoregressive windows: the requested length, windows of the trained length whose prefix is
 * the previous window's suffix, fixed tokens anywhere kept, calls summed, a single window equal to
 * the inner sampler, and refusals.
 */
class SemiArSamplerTest {

    private static final int L = 8;
    private static final int V = 7;
    private static final int MASK = 6;

    private static FakeDenoiser model() {
        return FakeDenoiser.xtDependent(V, false).withTrainedLength(L);
    }

    private static SampleResult run(SemiArConfig config, FakeDenoiser d, SampleRequest r) {
        return new SemiArSampler(config).sample(d, r, null);
    }

    /** Start of each window for N tokens and stride s, as the class comment defines them. */
    private static int[] starts(int n, int s) {
        List<Integer> starts = new ArrayList<>(List.of(0));
        int end = L;
        while (end < n) {
            int start = Math.min(end + s, n) - L;
            starts.add(start);
            end = start + L;
        }
        return starts.stream().mapToInt(Integer::intValue).toArray();
    }

    private static void assertNoMask(int[][] tokens) {
        for (int[] row : tokens) {
            for (int tok : row) {
                assertTrue(tok >= 0 && tok < MASK, "token " + tok);
            }
        }
    }

    @Test
    void fourTimesTheTrainedLengthInWindowsOfTheTrainedLengthWithCallsSummed() {
        int steps = 6;
        FakeDenoiser d = model();
        SampleResult r = run(SemiArConfig.of("ddpm", steps, 0), d, new SampleRequest(3, 4 * L, 5L));
        assertEquals(3, r.tokens().length);
        for (int[] row : r.tokens()) {
            assertEquals(4 * L, row.length);
        }
        assertNoMask(r.tokens());
        int windows = starts(4 * L, L / 2).length;
        assertEquals(7, windows, "1 + (32 - 8) / 4");
        assertEquals(windows * (steps + 1), d.calls());
        assertEquals(d.calls(), r.networkCalls());
        for (int[][] input : d.inputs) {
            for (int[] row : input) {
                assertEquals(L, row.length, "every window has the trained length");
            }
        }
        // ddpm_cache: the same tokens, its own (fewer) calls, still summed exactly
        FakeDenoiser cached = model();
        SampleResult c = run(SemiArConfig.of("ddpm_cache", steps, 0), cached, new SampleRequest(3, 4 * L, 5L));
        assertArrayEquals(r.tokens(), c.tokens());
        assertEquals(cached.calls(), c.networkCalls());
        assertTrue(c.networkCalls() < r.networkCalls());
    }

    @Test
    void eachWindowKeepsThePreviousWindowsLastTokensAsItsPrefix() {
        int steps = 5;
        for (int stride : new int[] {1, 3, 4, L}) {
            int n = 4 * L + 3;   // the last window appends fewer than the stride unless it divides n - L
            FakeDenoiser d = model();
            SampleResult r = run(SemiArConfig.of("ddpm", steps, stride), d, new SampleRequest(2, n, 11L));
            assertNoMask(r.tokens());
            int[] starts = starts(n, stride);
            assertEquals(starts.length * (steps + 1), d.calls(), "stride " + stride);
            for (int w = 0; w < starts.length; w++) {
                int prefix = w == 0 ? 0 : starts[w - 1] + L - starts[w];
                if (w > 0) {
                    assertTrue(prefix >= L - stride, "at least L - stride tokens are kept");
                }
                if (w > 0 && w < starts.length - 1) {
                    assertEquals(L - stride, prefix);
                }
                for (int k = 0; k < steps + 1; k++) {
                    int[][] input = d.inputs.get(w * (steps + 1) + k);
                    for (int b = 0; b < 2; b++) {
                        for (int l = 0; l < L; l++) {
                            if (l < prefix) {
                                // the previous window's last tokens, unchanged, in every call of this window
                                assertEquals(r.tokens()[b][starts[w] + l], input[b][l],
                                        "stride " + stride + ", window " + w + ", call " + k + ", position " + l);
                            } else if (k == 0) {
                                assertEquals(MASK, input[b][l], "new positions start masked");
                            }
                        }
                    }
                }
            }
        }
    }

    @Test
    void fixedTokensAnywhereInTheLongSequenceSurviveAndAreFedToEveryWindowCoveringThem() {
        int n = 4 * L;
        int[][] initial = new int[2][n];
        for (int[] row : initial) {
            Arrays.fill(row, MASK);
        }
        initial[0][0] = 1;
        initial[0][1] = 2;            // a prefix
        initial[0][13] = 4;           // inside the second window's new part
        initial[1][19] = 0;
        initial[1][20] = 5;           // across a window boundary
        initial[1][n - 1] = 3;        // the very last token
        for (int p = 24; p < 28; p++) {
            initial[0][p] = p % 6;   // a whole span
        }
        for (String inner : SemiArConfig.INNER_SAMPLERS) {
            FakeDenoiser d = model();
            int steps = 4;
            SampleResult r = run(SemiArConfig.of(inner, steps, 0), d, new SampleRequest(2, n, 3L, initial));
            assertNoMask(r.tokens());
            for (int b = 0; b < 2; b++) {
                for (int p = 0; p < n; p++) {
                    if (initial[b][p] != MASK) {
                        assertEquals(initial[b][p], r.tokens()[b][p], inner + ": fixed token at (" + b + ", " + p + ")");
                    }
                }
            }
            assertEquals(d.calls(), r.networkCalls());
            if (inner.equals("ddpm_cache")) {
                continue;   // its calls per window vary, so the inputs cannot be assigned to windows by count
            }
            int[] starts = starts(n, L / 2);
            assertEquals(starts.length * (steps + 1), d.calls(), inner);
            for (int w = 0; w < starts.length; w++) {
                for (int k = 0; k < steps + 1; k++) {
                    int[][] input = d.inputs.get(w * (steps + 1) + k);
                    for (int b = 0; b < 2; b++) {
                        for (int l = 0; l < L; l++) {
                            if (initial[b][starts[w] + l] != MASK) {
                                assertEquals(initial[b][starts[w] + l], input[b][l], inner + ", window " + w);
                            }
                        }
                    }
                }
            }
        }
    }

    @Test
    void aWindowWithNothingToDrawCostsNoCall() {
        int n = 2 * L;
        int[][] initial = new int[1][n];
        Arrays.fill(initial[0], 2);
        initial[0][n - 1] = MASK;   // only the last window has a mask: the first two windows are copied
        FakeDenoiser d = model();
        List<int[]> seen = new ArrayList<>();
        SampleResult r = new SemiArSampler(SemiArConfig.of("ddpm", 3, 4)).sample(d, new SampleRequest(1, n, 1L, initial),
                (step, total, calls) -> seen.add(new int[] {step, total, calls}));
        assertEquals(4, r.networkCalls(), "one window of 3 steps + noise removal");
        assertEquals(4, d.calls());
        assertNoMask(r.tokens());
        int[] last = seen.get(seen.size() - 1);
        assertArrayEquals(new int[] {3 * 4, 3 * 4, 4}, last, "progress ends at windows * (steps + 1)");
        for (int i = 1; i < seen.size(); i++) {
            assertTrue(seen.get(i)[0] > seen.get(i - 1)[0], "progress only moves forward");
        }
    }

    @Test
    void aSingleWindowIsExactlyTheInnerSampler() {
        for (int n : new int[] {L, L - 3}) {
            SampleRequest request = new SampleRequest(3, n, 42L);
            int[][] ddpm = new AncestralSampler(AncestralConfig.of(9, 1e-5), false).sample(model(), request, null)
                    .tokens();
            assertArrayEquals(ddpm, run(SemiArConfig.of("ddpm", 9, 0), model(), request).tokens());
            assertArrayEquals(ddpm, run(new SemiArConfig("ddpm_cache", 9, 2, 1.0, 1.0), model(), request).tokens());
            int[][] analytic = new AnalyticSampler(AnalyticConfig.of(9, 1e-5)).sample(model(), request, null).tokens();
            assertArrayEquals(analytic, run(SemiArConfig.of("analytic", 9, 0), model(), request).tokens());
            int[][] shaped = new AncestralSampler(new AncestralConfig(9, 1e-5, 0.5, 0.7), false).sample(model(), request,
                    null).tokens();
            assertArrayEquals(shaped, run(SemiArConfig.of("ddpm", 9, 0).withShaping(0.5, 0.7), model(), request)
                    .tokens(), "temperature and top-p reach the inner sampler");
            assertFalse(Arrays.deepEquals(ddpm, shaped));
        }
    }

    @Test
    void aStrideLargerThanTheTrainedLengthOrAnUnknownLengthIsRefusedBeforeAnyCall() {
        FakeDenoiser d = model();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> run(SemiArConfig.of("ddpm", 4, L + 1), d, new SampleRequest(1, 4 * L, 1L)));
        assertTrue(e.getMessage().contains("stride " + (L + 1)) && e.getMessage().contains("trained length " + L),
                e.getMessage());
        assertEquals(0, d.calls());
        FakeDenoiser unknown = FakeDenoiser.xtDependent(V, false);
        IllegalArgumentException u = assertThrows(IllegalArgumentException.class,
                () -> run(SemiArConfig.defaults(), unknown, new SampleRequest(1, 4 * L, 1L)));
        assertTrue(u.getMessage().contains("trained length"), u.getMessage());
        assertEquals(0, unknown.calls());
        assertEquals(L / 2, SemiArConfig.defaults().strideFor(L));
        assertEquals(1, SemiArConfig.defaults().strideFor(1));
        assertEquals(L, SemiArConfig.of("ddpm", 4, L).strideFor(L));
    }

    @Test
    void readsWhatItsInnerSamplerReadsAndRefusesOtherModelsWithAMessage() {
        assertEquals(EnumSet.of(DenoiserOutputKind.CLEAN_LOG_PROBS), new SemiArSampler(SemiArConfig.defaults()).reads());
        SemiArSampler analytic = new SemiArSampler(SemiArConfig.of("analytic", 4, 0));
        assertTrue(analytic.reads().contains(DenoiserOutputKind.LOG_SCORE_RATIOS));

        FakeDenoiser scores = FakeDenoiser.exactScores(0.1, 0.2, 0.3, 0.4).withTrainedLength(L);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> run(SemiArConfig.defaults(), scores, new SampleRequest(1, 2 * L, 1L)));
        assertTrue(e.getMessage().contains("log score ratios") && e.getMessage().contains("clean-token log-probs"),
                e.getMessage());
        assertEquals(0, scores.calls());
        SampleResult ok = analytic.sample(scores, new SampleRequest(2, 2 * L, 1L), null);
        for (int[] row : ok.tokens()) {
            assertEquals(2 * L, row.length);
            assertTrue(Arrays.stream(row).allMatch(t -> t >= 0 && t < 4));
        }

        String why = new SemiArSampler(SemiArConfig.defaults()).incompatibility(DenoiserOutputKind.LOG_SCORE_RATIOS,
                true).orElseThrow();
        assertTrue(why.contains("inner") && why.contains("analytic"), why);
        String cache = new SemiArSampler(SemiArConfig.of("ddpm_cache", 4, 0))
                .incompatibility(DenoiserOutputKind.CLEAN_LOG_PROBS, true).orElseThrow();
        assertTrue(cache.contains("time-conditioned") && cache.contains("sampler.inner to ddpm or analytic"), cache);
        assertTrue(new SemiArSampler(SemiArConfig.of("ddpm_cache", 4, 0))
                .incompatibility(DenoiserOutputKind.CLEAN_LOG_PROBS, false).isEmpty());
        assertTrue(new SemiArSampler(SemiArConfig.defaults())
                .incompatibility(DenoiserOutputKind.NEXT_TOKEN_LOG_PROBS, false).isPresent());
    }

    @Test
    void configDefaultsAndValidation() {
        assertEquals(new SemiArConfig("ddpm", 128, 0, 1.0, 1.0), SemiArConfig.defaults());
        IllegalArgumentException inner = assertThrows(IllegalArgumentException.class,
                () -> SemiArConfig.of("confidence", 4, 0));
        assertTrue(inner.getMessage().contains("inner") && inner.getMessage().contains("ddpm_cache"), inner.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new SemiArConfig(null, 4, 0, 1.0, 1.0));
        IllegalArgumentException steps = assertThrows(IllegalArgumentException.class, () -> SemiArConfig.of("ddpm", 0, 0));
        assertTrue(steps.getMessage().contains("steps"), steps.getMessage());
        IllegalArgumentException stride = assertThrows(IllegalArgumentException.class,
                () -> SemiArConfig.of("ddpm", 4, -1));
        assertTrue(stride.getMessage().contains("stride"), stride.getMessage());
        IllegalArgumentException topP = assertThrows(IllegalArgumentException.class,
                () -> new SemiArConfig("ddpm", 4, 0, 1.0, 0.0));
        assertTrue(topP.getMessage().contains("top_p"), topP.getMessage());
    }
}
