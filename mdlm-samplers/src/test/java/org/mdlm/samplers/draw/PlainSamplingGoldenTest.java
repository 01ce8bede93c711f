package org.mdlm.samplers.draw;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.mdlm.api.model.DenoiserOutputKind;
import org.mdlm.api.sampling.SampleRequest;
import org.mdlm.samplers.analytic.AnalyticConfig;
import org.mdlm.samplers.analytic.AnalyticSampler;
import org.mdlm.samplers.ancestral.AncestralConfig;
import org.mdlm.samplers.ancestral.AncestralSampler;
import org.mdlm.samplers.ancestral.FakeDenoiser;
import org.mdlm.samplers.ar.ArSampler;
import org.mdlm.samplers.ar.ArSamplerConfig;

/**
 * Tokens of the samplers for fixed seeds, recorded from the code as it was before temperature and
 * top-p were added to every sampler (commit af14464): plain sampling must keep giving exactly these.
 */
class PlainSamplingGoldenTest {

    private static final int M = 6;
    private static final int[][] INITIAL = {{M, 2, M, M, M, M, M, 0, M, M, M, M}, {M, M, M, M, M, M, M, M, M, M, M, M},
        {1, 1, M, M, M, M, 5, M, M, M, M, 3}};
    private static final SampleRequest PLAIN = new SampleRequest(3, 12, 2024L);
    private static final SampleRequest FIXED = new SampleRequest(3, 12, 2024L, INITIAL);

    /** A next-token model over ids 0..5 (mask 6) whose row depends on the previous token and the position. */
    static FakeDenoiser nextToken() {
        return new FakeDenoiser(DenoiserOutputKind.NEXT_TOKEN_LOG_PROBS, 7, 6, false, false, (row, l, sigma, out) -> {
            int prev = row[l];
            for (int v = 0; v < 6; v++) {
                out[v] = (float) (1.5 * Math.sin(1.1 * v + 0.8 * prev + 0.3 * l));
            }
        });
    }

    private static void assertTokens(String expected, int[][] tokens) {
        assertEquals(expected, Arrays.deepToString(tokens));
    }

    @Test
    void ancestralSamplers() {
        String ddpm = "[[1, 2, 2, 5, 0, 4, 2, 3, 4, 2, 5, 1], [0, 4, 1, 1, 4, 0, 2, 1, 0, 5, 2, 2], "
                + "[4, 2, 5, 3, 1, 1, 1, 0, 0, 4, 1, 2]]";
        assertTokens(ddpm, new AncestralSampler(new AncestralConfig(16, 1e-5, 1.0, 1.0), false)
                .sample(FakeDenoiser.xtDependent(7, false), PLAIN, null).tokens());
        assertTokens(ddpm, new AncestralSampler(new AncestralConfig(16, 1e-5, 1.0, 1.0), true)
                .sample(FakeDenoiser.xtDependent(7, false), PLAIN, null).tokens());
        assertTokens("[[1, 2, 5, 3, 0, 1, 0, 0, 5, 5, 1, 4], [5, 2, 5, 5, 3, 2, 0, 3, 0, 5, 3, 3], "
                + "[1, 1, 3, 2, 1, 3, 5, 1, 3, 5, 4, 3]]", new AncestralSampler(new AncestralConfig(16, 1e-5, 1.0, 1.0), false)
                .sample(FakeDenoiser.xtDependent(7, false), FIXED, null).tokens());
    }

    @Test
    void analyticSampler() {
        assertTokens("[[0, 4, 2, 5, 0, 1, 2, 1, 5, 4, 4, 2], [0, 4, 1, 4, 5, 0, 4, 1, 0, 5, 2, 2], "
                + "[4, 1, 5, 4, 2, 1, 1, 0, 0, 4, 1, 1]]", new AnalyticSampler(new AnalyticConfig(16, 1e-5, 1.0, 1.0))
                .sample(FakeDenoiser.xtDependent(7, true), PLAIN, null).tokens());
        assertTokens("[[3, 2, 1, 1, 1, 4, 2, 0, 0, 2, 1, 3], [3, 5, 5, 4, 0, 4, 5, 2, 5, 3, 3, 3], "
                + "[1, 1, 0, 2, 5, 5, 5, 2, 4, 0, 0, 3]]", new AnalyticSampler(new AnalyticConfig(16, 1e-5, 1.0, 1.0))
                .sample(FakeDenoiser.xtDependent(7, true).withKind(DenoiserOutputKind.LOG_SCORE_RATIOS), FIXED, null)
                .tokens());
    }

    @Test
    void arSampler() {
        assertTokens("[[3, 2, 0, 0, 1, 5, 2, 0, 4, 1, 5, 0], [2, 0, 2, 5, 2, 4, 5, 1, 4, 2, 3, 1], "
                + "[1, 1, 1, 0, 5, 1, 5, 2, 4, 2, 4, 3]]", new ArSampler(new ArSamplerConfig(1.0, 1.0))
                .sample(nextToken(), FIXED, null).tokens());
        assertTokens("[[3, 0, 0, 1, 5, 2, 5, 2, 4, 3, 2, 2], [2, 5, 3, 4, 3, 5, 2, 3, 4, 1, 3, 0], "
                + "[2, 4, 3, 5, 2, 4, 3, 3, 3, 2, 3, 3]]", new ArSampler(new ArSamplerConfig(0.7, 1.0))
                .sample(nextToken(), PLAIN, null).tokens());
    }
}
