package org.mdlm.cli.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mdlm.api.model.Denoiser;
import org.mdlm.api.model.DenoiserOutput;
import org.mdlm.api.model.DenoiserOutputKind;
import org.mdlm.api.schedule.NoiseSchedule;

/**
 * Generative perplexity under a fake autoregressive evaluator whose next-token distribution is known:
 * over the tokens {0, 1} (mask 2 is the BOS), the first token is uniform and each next token repeats
 * the previous one with probability 3/4. The perplexities are the hand-computed products.
 */
class GenerativePerplexityTest {

    private static final int[][] SAMPLES = {{0, 0, 1, 1}, {1, 0, 0, 0}};

    @Test
    void oneWindowScoresEveryTokenGivenAllTokensBeforeIt() {
        Markov evaluator = new Markov();
        GenerativePerplexity.Score s = GenerativePerplexity.score(evaluator, SAMPLES, 32);
        // sample 0: BOS->0 1/2, 0->0 3/4, 0->1 1/4, 1->1 3/4; sample 1: BOS->1 1/2, 1->0 1/4, 0->0 3/4, 0->0 3/4
        double p = 0.5 * 0.75 * 0.25 * 0.75 * 0.5 * 0.25 * 0.75 * 0.75;
        assertEquals(8, s.tokens());
        assertEquals(-Math.log(p), s.nll(), 1e-5);
        assertEquals(Math.pow(p, -1.0 / 8), s.perplexity(), 1e-5);
        assertEquals(1.9420, s.perplexity(), 1e-4, "the figure worked out by hand");
        assertEquals(1, s.windowsPerSample());
        assertEquals(1, s.networkCalls(), "both samples in one call");
        assertEquals(List.of("2,0,0,1", "2,1,0,0"), evaluator.inputs, "input shifted right behind the mask as BOS");
    }

    @Test
    void longSamplesAreScoredInWindowsEachFromBos() {
        Markov evaluator = new Markov();
        GenerativePerplexity.Score s = GenerativePerplexity.score(evaluator, SAMPLES, 2);
        // windows [0 0][1 1] and [1 0][0 0]: every window starts from BOS (1/2)
        double p = 0.5 * 0.75 * 0.5 * 0.75 * 0.5 * 0.25 * 0.5 * 0.75;
        assertEquals(Math.pow(p, -1.0 / 8), s.perplexity(), 1e-5);
        assertEquals(2, s.windowsPerSample());
        assertEquals(2, s.networkCalls());
        assertEquals(List.of("2,0", "2,1", "2,1", "2,0"), evaluator.inputs);

        GenerativePerplexity.Score three = GenerativePerplexity.score(new Markov(), SAMPLES, 3);
        // windows [0 0 1][1] and [1 0 0][0]: the last window is shorter
        double q = 0.5 * 0.75 * 0.25 * 0.5 * 0.5 * 0.25 * 0.75 * 0.5;
        assertEquals(Math.pow(q, -1.0 / 8), three.perplexity(), 1e-5);
        assertEquals(8, three.tokens());
    }

    @Test
    void refusesANonAutoregressiveEvaluatorAndMaskedSamples() {
        Markov clean = new Markov(DenoiserOutputKind.CLEAN_LOG_PROBS);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> GenerativePerplexity.score(clean, SAMPLES, 4));
        assertTrue(e.getMessage().contains("next-token log-probs"), e.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> GenerativePerplexity.score(new Markov(), new int[][] {{0, 2, 1}}, 4));
    }

    /** p(x_0) uniform over {0, 1}; p(x_i = x_{i-1}) = 3/4. Reads only its (shifted) input. */
    private static final class Markov implements Denoiser {
        final List<String> inputs = new ArrayList<>();
        private final DenoiserOutputKind kind;

        Markov() {
            this(DenoiserOutputKind.NEXT_TOKEN_LOG_PROBS);
        }

        Markov(DenoiserOutputKind kind) {
            this.kind = kind;
        }

        @Override
        public DenoiserOutputKind kind() {
            return kind;
        }

        @Override
        public int vocabSize() {
            return 3;
        }

        @Override
        public int maskId() {
            return 2;
        }

        @Override
        public boolean timeConditioned() {
            return false;
        }

        @Override
        public NoiseSchedule schedule() {
            return null;
        }

        @Override
        public int trainedLength() {
            return 0;
        }

        @Override
        public DenoiserOutput evaluate(int[][] xt, double[] sigma) {
            int len = xt[0].length;
            float[] v = new float[xt.length * len * 3];
            for (int b = 0; b < xt.length; b++) {
                StringBuilder sb = new StringBuilder();
                for (int i = 0; i < len; i++) {
                    int prev = xt[b][i];
                    sb.append(i == 0 ? "" : ",").append(prev);
                    int o = (b * len + i) * 3;
                    for (int t = 0; t < 2; t++) {
                        v[o + t] = (float) Math.log(prev == 2 ? 0.5 : prev == t ? 0.75 : 0.25);
                    }
                    v[o + 2] = -1e30f;
                }
                inputs.add(sb.toString());
            }
            return new DenoiserOutput(kind, xt.length, len, 3, v);
        }
    }
}
