package org.mdlm.samplers.ancestral;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.mdlm.samplers.draw.DrawShaping;
import org.mdlm.api.model.Denoiser;
import org.mdlm.api.model.DenoiserOutput;
import org.mdlm.api.model.DenoiserOutputKind;
import org.mdlm.api.schedule.NoiseSchedule;

/** One reverse step of {@link AncestralRun}: transition probabilities, carry-over, noise removal. */
class AncestralStepTest {

    private static final NoiseSchedule SCHEDULE = new LogLinearTestSchedule();
    private static final double[] P = {0.1, 0.2, 0.3, 0.4}; // clean tokens 0..3, mask = 4

    private static int[][] allMasked(int batch, int length, int mask) {
        int[][] x = new int[batch][length];
        for (int[] row : x) {
            Arrays.fill(row, mask);
        }
        return x;
    }

    @Test
    void oneStepUnmasksWithTheReverseTransitionProbabilities() {
        double t = 0.6;
        double s = 0.5;
        FakeDenoiser denoiser = FakeDenoiser.fixed(P);
        int[][] x = allMasked(200, 1000, 4);
        int n = 200 * 1000;
        AncestralRun run = new AncestralRun(denoiser, SCHEDULE, x, 20240611L, false, new DrawShaping(1.0, 1.0));

        int changed = run.step(t, s);

        // the denoiser was evaluated once, at sigma(t) for every row
        assertEquals(1, denoiser.calls());
        for (double sigma : denoiser.sigmas.get(0)) {
            assertEquals(-Math.log1p(-(1 - 1e-3) * t), sigma, 1e-15);
        }
        double alphaT = Math.exp(-SCHEDULE.sigma(t));
        double alphaS = Math.exp(-SCHEDULE.sigma(s));
        double q = (alphaS - alphaT) / (1 - alphaT); // about 1/6 here
        long[] counts = new long[5];
        for (int[] row : x) {
            for (int tok : row) {
                counts[tok]++;
            }
        }
        long unmasked = n - counts[4];
        assertEquals(unmasked, changed);
        double se = Math.sqrt(q * (1 - q) / n);
        assertEquals(q, unmasked / (double) n, 4 * se, "fraction unmasked");

        // unmasked tokens follow p(x0 | xt): per category within 4 SE, and chi-square (3 df, 0.1 % level 16.27)
        double chi2 = 0;
        for (int v = 0; v < 4; v++) {
            double expected = unmasked * P[v];
            double seV = Math.sqrt(P[v] * (1 - P[v]) / unmasked);
            assertEquals(P[v], counts[v] / (double) unmasked, 4 * seV, "share of token " + v);
            chi2 += (counts[v] - expected) * (counts[v] - expected) / expected;
        }
        assertTrue(chi2 < 16.27, "chi-square " + chi2);
    }

    @Test
    void stayMaskedProbabilityIsTheRatioOfMaskProbabilities() {
        // log-linear: mask probability (1 - 1e-3) t, so staying masked from 0.6 to 0.5 has probability 5/6
        assertEquals(5.0 / 6.0, AncestralRun.stayMaskedProbability(SCHEDULE, 0.6, 0.5), 1e-12);
        assertEquals(1e-5, AncestralRun.stayMaskedProbability(SCHEDULE, 1.0, 1e-5), 1e-12);
    }

    @Test
    void unmaskedTokensNeverChangeEvenWhenTheDenoiserDoesNotCarryThemOver() {
        int vocab = 6;
        int mask = 5;
        // ignores xt completely, so at unmasked positions it proposes other tokens than the observed one
        FakeDenoiser denoiser = new FakeDenoiser(vocab, mask, false, false, (row, l, sigma, out) -> {
            for (int v = 0; v < mask; v++) {
                out[v] = (float) -Math.abs(v - (l % 5));
            }
        });
        SplittableRandom init = new SplittableRandom(7);
        int[][] x = allMasked(50, 40, mask);
        int[][] preset = new int[50][40];
        for (int b = 0; b < 50; b++) {
            for (int l = 0; l < 40; l++) {
                preset[b][l] = init.nextBoolean() ? init.nextInt(mask) : mask;
                x[b][l] = preset[b][l];
            }
        }
        AncestralConfig grid = AncestralConfig.of(10, 1e-5);
        AncestralRun run = new AncestralRun(denoiser, SCHEDULE, x, 99L, false, new DrawShaping(1.0, 1.0));
        int[][] before = deepCopy(x);
        for (int k = 0; k < grid.steps(); k++) {
            run.step(grid.time(k), grid.time(k + 1));
            assertCarriedOver(before, x, mask);
            before = deepCopy(x);
        }
        run.removeNoise(grid.eps());
        assertCarriedOver(before, x, mask);
        assertCarriedOver(preset, x, mask);
        for (int[] row : x) {
            for (int tok : row) {
                assertTrue(tok != mask);
            }
        }
    }

    @Test
    void noiseRemovalTakesTheArgmaxOverCleanTokensAtEps() {
        // the mask column is the largest entry; token 1 is the largest clean one
        FakeDenoiser denoiser = new FakeDenoiser(4, 3, true, false, (row, l, sigma, out) -> {
            out[0] = -2f;
            out[1] = -1f;
            out[2] = -3f;
        });
        int[][] x = allMasked(3, 5, 3);
        x[1][2] = 2; // an unmasked token stays as it is
        AncestralRun run = new AncestralRun(withMaskColumn(denoiser), SCHEDULE, x, 1L, false, new DrawShaping(1.0, 1.0));
        assertEquals(14, run.removeNoise(1e-5));
        int[][] expected = {{1, 1, 1, 1, 1}, {1, 1, 2, 1, 1}, {1, 1, 1, 1, 1}};
        assertArrayEquals(expected, x);
        assertEquals(1, run.networkCalls());
    }

    /** Wraps a fake so that its output gives the mask column the largest log-probability. */
    private static Denoiser withMaskColumn(FakeDenoiser inner) {
        return new Denoiser() {
            @Override
            public int vocabSize() {
                return inner.vocabSize();
            }

            @Override
            public int maskId() {
                return inner.maskId();
            }

            @Override
            public boolean timeConditioned() {
                return inner.timeConditioned();
            }

            @Override
            public DenoiserOutputKind kind() {
                return inner.kind();
            }

            @Override
            public NoiseSchedule schedule() {
                return inner.schedule();
            }

            @Override
            public int trainedLength() {
                return inner.trainedLength();
            }

            @Override
            public DenoiserOutput evaluate(int[][] xt, double[] sigma) {
                DenoiserOutput out = inner.evaluate(xt, sigma);
                float[] v = out.values().clone();
                for (int i = inner.maskId(); i < v.length; i += inner.vocabSize()) {
                    v[i] = -0.01f;
                }
                return new DenoiserOutput(out.kind(), out.batch(), out.length(), out.vocab(), v);
            }
        };
    }

    private static void assertCarriedOver(int[][] before, int[][] after, int mask) {
        for (int b = 0; b < before.length; b++) {
            for (int l = 0; l < before[b].length; l++) {
                if (before[b][l] != mask) {
                    assertEquals(before[b][l], after[b][l], "token at " + b + "," + l + " changed");
                }
            }
        }
    }

    private static int[][] deepCopy(int[][] x) {
        int[][] c = new int[x.length][];
        for (int b = 0; b < x.length; b++) {
            c[b] = x[b].clone();
        }
        return c;
    }
}
