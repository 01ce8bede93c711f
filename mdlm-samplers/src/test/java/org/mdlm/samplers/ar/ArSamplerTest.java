package org.mdlm.samplers.ar;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mdlm.api.model.Denoiser;
import org.mdlm.api.model.DenoiserOutput;
import org.mdlm.api.model.DenoiserOutputKind;
import org.mdlm.api.sampling.SampleRequest;
import org.mdlm.api.sampling.SampleResult;
import org.mdlm.api.schedule.NoiseSchedule;

/**
 * Left-to-right sampling: the denoiser sees the sequence shifted behind the mask (BOS), fixed
 * positions stay and condition what follows, one call per position still to draw, and the draws
 * follow the model's distribution (at temperature 1) and sharpen below 1.
 */
class ArSamplerTest {

    private static final int MASK = 3;

    /** A next-token model over ids 0..2: after token k comes (k + 1) mod 3 with probability q, else the others evenly. */
    private static class Cyclic implements Denoiser {
        final double q;
        final List<int[][]> inputs = new ArrayList<>();

        Cyclic(double q) {
            this.q = q;
        }

        @Override
        public DenoiserOutputKind kind() {
            return DenoiserOutputKind.NEXT_TOKEN_LOG_PROBS;
        }

        @Override
        public int vocabSize() {
            return 4;
        }

        @Override
        public int maskId() {
            return MASK;
        }

        @Override
        public boolean timeConditioned() {
            return false;
        }

        @Override
        public NoiseSchedule schedule() {
            throw new UnsupportedOperationException("an autoregressive model has no noise schedule");
        }

        @Override
        public int trainedLength() {
            return 8;
        }

        @Override
        public DenoiserOutput evaluate(int[][] xt, double[] sigma) {
            inputs.add(xt);
            int l = xt[0].length;
            float[] v = new float[xt.length * l * 4];
            for (int b = 0; b < xt.length; b++) {
                for (int i = 0; i < l; i++) {
                    int prev = xt[b][i] == MASK ? 2 : xt[b][i];   // the BOS behaves like a 2, so 0 comes first
                    int next = (prev + 1) % 3;
                    for (int k = 0; k < 3; k++) {
                        v[(b * l + i) * 4 + k] = (float) Math.log(k == next ? q : (1 - q) / 2);
                    }
                    v[(b * l + i) * 4 + MASK] = -1e6f;
                }
            }
            return new DenoiserOutput(kind(), xt.length, l, 4, v);
        }
    }

    @Test
    void aDeterministicModelIsFollowedFromTheBosAndFromAFixedPrefix() {
        Cyclic model = new Cyclic(1.0);
        int[][] initial = {{MASK, MASK, MASK, MASK, MASK, MASK}, {2, 2, MASK, MASK, MASK, MASK}};
        SampleResult r = new ArSampler(ArSamplerConfig.defaults()).sample(model, new SampleRequest(2, 6, 1L, initial), null);
        assertArrayEquals(new int[] {0, 1, 2, 0, 1, 2}, r.tokens()[0]);
        assertArrayEquals(new int[] {2, 2, 0, 1, 2, 0}, r.tokens()[1], "the prefix stays and conditions the rest");
        assertEquals(6, r.networkCalls(), "position 0 and 1 are drawn by row 0 only, then both rows: 6 positions");
        assertArrayEquals(new int[] {MASK, MASK, MASK, MASK, MASK, MASK}, model.inputs.get(0)[0], "BOS then nothing yet");
        assertArrayEquals(new int[] {MASK, 0, 1, 2, MASK, MASK}, model.inputs.get(3)[0], "shifted by one");
    }

    @Test
    void drawsFollowTheModelAtTemperatureOneAndSharpenBelow() {
        int n = 4000;
        double q = 0.6;
        SampleResult r = new ArSampler(new ArSamplerConfig(1.0, 1.0)).sample(new Cyclic(q), new SampleRequest(n, 2, 7L), null);
        int hits = 0;
        for (int[] row : r.tokens()) {
            hits += row[0] == 0 ? 1 : 0;
        }
        double se = Math.sqrt(q * (1 - q) / n);
        assertEquals(q, (double) hits / n, 4 * se, "frequency of the most likely first token");
        SampleResult cold = new ArSampler(new ArSamplerConfig(0.5, 1.0)).sample(new Cyclic(q), new SampleRequest(n, 2, 7L), null);
        int coldHits = 0;
        for (int[] row : cold.tokens()) {
            coldHits += row[0] == 0 ? 1 : 0;
        }
        double sharpened = q * q / (q * q + 2 * Math.pow((1 - q) / 2, 2));   // p^(1/T) renormalised, T = 0.5
        assertEquals(sharpened, (double) coldHits / n, 4 * Math.sqrt(sharpened * (1 - sharpened) / n));
    }

    @Test
    void refusesDiffusionDenoisersAndBadTemperatures() {
        assertThrows(IllegalArgumentException.class, () -> new ArSamplerConfig(0.0, 1.0));
        Cyclic model = new Cyclic(1.0) {
            @Override
            public DenoiserOutputKind kind() {
                return DenoiserOutputKind.CLEAN_LOG_PROBS;
            }
        };
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new ArSampler(ArSamplerConfig.defaults()).sample(model, new SampleRequest(1, 3, 1L), null));
        assertTrue(e.getMessage().contains("clean-token log-probs"), e.getMessage());
    }

    @Test
    void topPTruncatesTheNextTokenDistributionWithTiesByTokenId() {
        // first token: 0 with q = 0.6, 1 and 2 with 0.2 each
        int n = 4000;
        int[] first = new int[3];
        for (int[] row : new ArSampler(new ArSamplerConfig(1.0, 0.5)).sample(new Cyclic(0.6), new SampleRequest(n, 4, 7L),
                null).tokens()) {
            assertArrayEquals(new int[] {0, 1, 2, 0}, row, "p = 0.5: only the most likely token, every time");
        }
        for (int[] row : new ArSampler(new ArSamplerConfig(1.0, 0.7)).sample(new Cyclic(0.6), new SampleRequest(n, 1, 7L),
                null).tokens()) {
            first[row[0]]++;
        }
        assertEquals(0, first[2], "p = 0.7 keeps 0 and the lower-id tie 1, never 2");
        assertEquals(0.75, first[0] / (double) n, 4 * Math.sqrt(0.75 * 0.25 / n));
        assertTrue(new ArSampler(ArSamplerConfig.defaults()).config().topP() == 1.0);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new ArSamplerConfig(1.0, 0.0));
        assertTrue(e.getMessage().contains("top_p"), e.getMessage());
    }
}
