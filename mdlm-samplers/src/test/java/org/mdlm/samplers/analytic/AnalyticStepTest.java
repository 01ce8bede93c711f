package org.mdlm.samplers.analytic;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.mdlm.samplers.draw.DrawShaping;
import org.mdlm.api.model.DenoiserOutput;
import org.mdlm.api.model.DenoiserOutputKind;
import org.mdlm.api.schedule.NoiseSchedule;
import org.mdlm.samplers.ancestral.FakeDenoiser;
import org.mdlm.samplers.ancestral.LogLinearTestSchedule;

/**
 * One analytic step: its transition rows against a literal transcription of SEDD's formula, against
 * the ancestral probabilities for exact scores (hand-derived numbers), and its draws against its rows.
 */
class AnalyticStepTest {

    private static final NoiseSchedule SCHEDULE = new LogLinearTestSchedule();
    private static final DenoiserOutputKind LSR = DenoiserOutputKind.LOG_SCORE_RATIOS;
    private static final DenoiserOutputKind CLP = DenoiserOutputKind.CLEAN_LOG_PROBS;
    private static final double[] P = {0.1, 0.2, 0.3, 0.4}; // clean tokens 0..3, mask = 4
    /** No shaping (temperature 1, top-p 1); identity shaping keeps no state, so one instance serves every test. */
    private static final DrawShaping PLAIN = new DrawShaping(1.0, 1.0);
    private static final double[][] TIMES = {{1.0, 0.75}, {0.6, 0.5}, {0.2, 0.1}, {0.9, 0.2}, {1e-3, 1e-5}, {0.5, 0.49}};

    private static double dsigma(double t, double s) {
        return SCHEDULE.sigma(t) - SCHEDULE.sigma(s);
    }

    private static double[] row(DenoiserOutputKind kind, float[] values, int mask, double t, double s) {
        double[] into = new double[values.length];
        AnalyticStep.transitionRow(kind, values, 0, values.length, mask, SCHEDULE.sigma(t), dsigma(t, s), PLAIN, into);
        return into;
    }

    /**
     * The brief's formula written out literally, as the oracle: w_v = s_v (e^dsigma - 1),
     * w_mask = e^dsigma s_mask + (1 - e^dsigma) sum_all s, negatives clipped, then normalised.
     */
    private static double[] literalRow(double[] scores, int mask, double dsigma) {
        double[] s = scores.clone();
        s[mask] = 1.0;
        double e = Math.exp(dsigma);
        double sum = Arrays.stream(s).sum();
        double[] w = new double[s.length];
        for (int v = 0; v < s.length; v++) {
            w[v] = v == mask ? e * s[mask] + (1 - e) * sum : s[v] * (e - 1);
            w[v] = Math.max(0.0, w[v]);
        }
        double z = Arrays.stream(w).sum();
        for (int v = 0; v < s.length; v++) {
            w[v] /= z;
        }
        return w;
    }

    private static void assertDistribution(double[] row, String what) {
        double sum = 0;
        for (double p : row) {
            assertTrue(p >= 0.0 && p <= 1.0, what + ": entry " + p + " in " + Arrays.toString(row));
            sum += p;
        }
        assertEquals(1.0, sum, 1e-12, what + ": sum of " + Arrays.toString(row));
    }

    /** log s_v = log p_v - log expm1(sigma(t)) as a float row (mask column 0, as SEDD's model gives it). */
    private static float[] impliedLogScores(double[] p, double t) {
        float[] row = new float[p.length + 1];
        for (int v = 0; v < p.length; v++) {
            row[v] = (float) (Math.log(p[v]) - Math.log(Math.expm1(SCHEDULE.sigma(t))));
        }
        return row;
    }

    private static float[] logProbs(double[] p) {
        float[] row = new float[p.length + 1];
        for (int v = 0; v < p.length; v++) {
            row[v] = (float) Math.log(p[v]);
        }
        row[p.length] = Float.NEGATIVE_INFINITY;
        return row;
    }

    @Test
    void rowsForRandomScoresAreDistributionsAndFollowTheLiteralFormula() {
        SplittableRandom random = new SplittableRandom(5);
        int clipped = 0;
        int unclipped = 0;
        for (int mask : new int[] {4, 0, 2}) {
            for (double[] ts : TIMES) {
                for (int trial = 0; trial < 200; trial++) {
                    float[] logScores = new float[5];
                    double[] scores = new double[5];
                    for (int v = 0; v < 5; v++) {
                        logScores[v] = (float) (random.nextDouble(-8.0, 4.0));
                        scores[v] = Math.exp(logScores[v]);
                    }
                    // the mask column is ignored (s_mask = 1 by definition); put something misleading there
                    logScores[mask] = trial % 2 == 0 ? 3.5f : Float.NEGATIVE_INFINITY;
                    double[] row = row(LSR, logScores, mask, ts[0], ts[1]);
                    String what = "mask " + mask + ", t " + ts[0] + ", s " + ts[1] + ", trial " + trial;
                    assertDistribution(row, what);
                    double[] expected = literalRow(scores, mask, dsigma(ts[0], ts[1]));
                    for (int v = 0; v < 5; v++) {
                        assertEquals(expected[v], row[v], 1e-9 * Math.max(1.0, expected[v]), what + ", token " + v);
                    }
                    if (row[mask] == 0.0) {
                        clipped++;
                    } else {
                        unclipped++;
                    }
                }
            }
        }
        assertTrue(clipped > 100 && unclipped > 100, "both branches seen: clipped " + clipped + ", not " + unclipped);
    }

    @Test
    void exactScoresGiveTheAncestralProbabilitiesHandDerived() {
        // log-linear schedule: 1 - alpha(t) = (1 - 1e-3) t, so staying masked from t to s has probability s / t
        // and unmasking to v has probability (1 - s / t) p_v
        double[][] expected = {
            {0.025, 0.05, 0.075, 0.1, 0.75},          // t = 1,   s = 0.75
            {1 / 60.0, 2 / 60.0, 3 / 60.0, 4 / 60.0, 50 / 60.0}, // t = 0.6, s = 0.5
            {0.05, 0.1, 0.15, 0.2, 0.5},              // t = 0.2, s = 0.1
        };
        for (int i = 0; i < expected.length; i++) {
            double t = TIMES[i][0];
            double s = TIMES[i][1];
            assertArrayEquals(expected[i], row(LSR, impliedLogScores(P, t), 4, t, s), 2e-6, "scores, t " + t);
            assertArrayEquals(expected[i], row(CLP, logProbs(P), 4, t, s), 1e-6, "log-probs, t " + t);
        }
    }

    @Test
    void exactScoresGiveTheAncestralFormulaAtSeveralTimes() {
        for (double[] ts : TIMES) {
            double t = ts[0];
            double s = ts[1];
            double alphaT = SCHEDULE.alpha(t);
            double alphaS = SCHEDULE.alpha(s);
            double unmask = (alphaS - alphaT) / (1 - alphaT);
            double stay = (1 - alphaS) / (1 - alphaT);
            for (DenoiserOutputKind kind : new DenoiserOutputKind[] {LSR, CLP}) {
                double[] row = row(kind, kind == LSR ? impliedLogScores(P, t) : logProbs(P), 4, t, s);
                String what = kind + " t " + t + " s " + s;
                assertDistribution(row, what);
                assertEquals(stay, row[4], 2e-6, what + ": stay masked");
                for (int v = 0; v < 4; v++) {
                    assertEquals(unmask * P[v], row[v], 2e-6, what + ": token " + v);
                }
            }
        }
    }

    @Test
    void cleanLogProbsAreReadThroughTheirImpliedScores() {
        double[] q = {0.05, 0.15, 0.6, 0.2};
        for (double[] ts : TIMES) {
            double[] fromProbs = row(CLP, logProbs(q), 4, ts[0], ts[1]);
            double[] fromScores = row(LSR, impliedLogScores(q, ts[0]), 4, ts[0], ts[1]);
            assertArrayEquals(fromScores, fromProbs, 2e-6, "t " + ts[0]);
            // log-probs need not be normalised: the clean part is renormalised, as the ancestral samplers do
            float[] shifted = logProbs(q);
            for (int v = 0; v < 4; v++) {
                shifted[v] += 3f;
            }
            assertArrayEquals(fromProbs, row(CLP, shifted, 4, ts[0], ts[1]), 1e-6);
        }
    }

    @Test
    void finalRowKeepsOnlyTheCleanTokensInProportionToTheirScores() {
        double[] into = new double[5];
        AnalyticStep.cleanRow(impliedLogScores(P, 1e-5), 0, 5, 4, PLAIN, into);
        assertArrayEquals(new double[] {0.1, 0.2, 0.3, 0.4, 0.0}, into, 1e-6);
        AnalyticStep.cleanRow(logProbs(P), 0, 5, 4, PLAIN, into);
        assertArrayEquals(new double[] {0.1, 0.2, 0.3, 0.4, 0.0}, into, 1e-6);
        float[] large = {80f, 80f + (float) Math.log(3.0), -1e30f, Float.NEGATIVE_INFINITY, 0f};
        AnalyticStep.cleanRow(large, 0, 5, 4, PLAIN, into);
        assertArrayEquals(new double[] {0.25, 0.75, 0.0, 0.0, 0.0}, into, 1e-6);
    }

    @Test
    void hugeScoresAndSigmasStayFinite() {
        // exp(100) and expm1(sigma(1)) of a schedule close to sigma = infinity would overflow a naive product
        float[] logScores = {100f, 99f, -100f, 0f, 0f};
        double[] into = new double[5];
        AnalyticStep.transitionRow(LSR, logScores, 0, 5, 4, 800.0, 700.0, PLAIN, into);
        assertDistribution(into, "huge");
        assertEquals(0.0, into[4]);
        assertEquals(1 / (1 + Math.exp(-1)), into[0], 1e-12);
        AnalyticStep.transitionRow(CLP, logProbs(P), 0, 5, 4, 800.0, 1e-300, PLAIN, into);
        assertDistribution(into, "tiny dsigma");
        assertEquals(1.0, into[4], 1e-12);
    }

    @Test
    void oneStepFrequenciesMatchTheRowWithinFourStandardErrors() {
        int batch = 200;
        int length = 1000;
        int n = batch * length;
        double t = 0.6;
        double s = 0.5;
        // scores that are not those of any p(x0|xt), once with and once without clipping of w_mask
        for (double scale : new double[] {1.0, 12.0}) {
            double[] scores = {0.3 * scale, 0.1 * scale, 0.5 * scale, 0.2 * scale};
            FakeDenoiser denoiser = new FakeDenoiser(LSR, 5, 4, true, true, (row, l, sigma, out) -> {
                for (int v = 0; v < 4; v++) {
                    out[v] = (float) Math.log(scores[v]);
                }
            });
            int[][] x = new int[batch][length];
            for (int[] r : x) {
                Arrays.fill(r, 4);
            }
            double sigmaT = SCHEDULE.sigma(t);
            DenoiserOutput out = denoiser.evaluate(x, new double[batch]);
            double[] expected = new double[5];
            AnalyticStep.transitionRow(LSR, out.values(), 0, 5, 4, sigmaT, dsigma(t, s), PLAIN, expected);
            assertEquals(scale > 1.0, expected[4] == 0.0, "scale " + scale + " clips w_mask: " + Arrays.toString(expected));

            int changed = AnalyticStep.step(x, out, 4, sigmaT, dsigma(t, s), PLAIN, new SplittableRandom(20240611L));

            long[] counts = new long[5];
            for (int[] r : x) {
                for (int tok : r) {
                    counts[tok]++;
                }
            }
            assertEquals(n - counts[4], changed);
            double chi2 = 0;
            int cells = 0;
            for (int v = 0; v < 5; v++) {
                double p = expected[v];
                double se = Math.sqrt(p * (1 - p) / n);
                assertEquals(p, counts[v] / (double) n, 4 * se, "scale " + scale + ", outcome " + v);
                if (p > 0) {
                    chi2 += Math.pow(counts[v] - n * p, 2) / (n * p);
                    cells++;
                }
            }
            // chi-square at the 0.1 % level: 16.27 for 3 degrees of freedom, 18.47 for 4
            assertTrue(chi2 < (cells == 4 ? 16.27 : 18.47), "scale " + scale + ": chi-square " + chi2);
        }
    }

    @Test
    void onlyMaskedPositionsMoveAndTheFinalStepLeavesNoMask() {
        FakeDenoiser denoiser = FakeDenoiser.exactScores(P);
        SplittableRandom init = new SplittableRandom(3);
        int[][] x = new int[20][30];
        for (int[] r : x) {
            for (int l = 0; l < r.length; l++) {
                r[l] = init.nextBoolean() ? init.nextInt(4) : 4;
            }
        }
        int[][] before = deepCopy(x);
        double sigmaT = SCHEDULE.sigma(0.5);
        SplittableRandom random = new SplittableRandom(9);
        AnalyticStep.step(x, denoiser.evaluate(x, filled(20, sigmaT)), 4, sigmaT, dsigma(0.5, 0.25), PLAIN, random);
        assertCarriedOver(before, x);
        int[][] middle = deepCopy(x);
        int stillMasked = (int) Arrays.stream(x).flatMapToInt(Arrays::stream).filter(tok -> tok == 4).count();
        double sigmaEps = SCHEDULE.sigma(1e-5);
        assertEquals(stillMasked, AnalyticStep.denoise(x, denoiser.evaluate(x, filled(20, sigmaEps)), 4, PLAIN, random));
        assertCarriedOver(middle, x);
        assertTrue(Arrays.stream(x).flatMapToInt(Arrays::stream).allMatch(tok -> tok >= 0 && tok < 4));
    }

    @Test
    void drawWalksCleanTokensInIdOrderThenTheMask() {
        double[] row = {0.25, 0.0, 0.25, 0.5}; // mask = 1 has no mass here
        assertEquals(0, AnalyticStep.draw(row, 1, 0.0));
        assertEquals(2, AnalyticStep.draw(row, 1, 0.3));
        assertEquals(3, AnalyticStep.draw(row, 1, 0.99999999));
        assertEquals(3, AnalyticStep.draw(row, 1, 1.0), "rounding at the top: the last token with mass");
        double[] stay = {0.1, 0.6, 0.3, 0.0}; // mask = 1 holds 0.6 and comes last in the walk
        assertEquals(0, AnalyticStep.draw(stay, 1, 0.05));
        assertEquals(2, AnalyticStep.draw(stay, 1, 0.35));
        assertEquals(1, AnalyticStep.draw(stay, 1, 0.45));
    }

    @Test
    void unusableRowsAndSchedulesFailClearly() {
        double[] into = new double[5];
        float[] nan = {Float.NaN, 0f, 0f, 0f, 0f};
        assertThrows(IllegalStateException.class, () -> AnalyticStep.transitionRow(LSR, nan, 0, 5, 4, 1.0, 0.5, PLAIN, into));
        float[] noClean = {Float.NEGATIVE_INFINITY, Float.NEGATIVE_INFINITY, Float.NEGATIVE_INFINITY,
            Float.NEGATIVE_INFINITY, 0f};
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> AnalyticStep.cleanRow(noClean, 0, 5, 4, PLAIN, into));
        assertTrue(e.getMessage().contains("clean"), e.getMessage());
        IllegalStateException back = assertThrows(IllegalStateException.class,
                () -> AnalyticStep.transitionRow(CLP, logProbs(P), 0, 5, 4, 1.0, -0.1, PLAIN, into));
        assertTrue(back.getMessage().contains("sigma"), back.getMessage());
    }

    private static double[] filled(int n, double value) {
        double[] a = new double[n];
        Arrays.fill(a, value);
        return a;
    }

    private static void assertCarriedOver(int[][] before, int[][] after) {
        for (int b = 0; b < before.length; b++) {
            for (int l = 0; l < before[b].length; l++) {
                if (before[b][l] != 4) {
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

    @Test
    void shapingActsOnTheCleanPartAndKeepsTheProbabilityOfStayingMasked() {
        DrawShaping shaping = new DrawShaping(0.5, 0.6);
        double[] shapedClean = {0, 0, 0.09 / 0.25, 0.16 / 0.25, 0};   // p^2 = .01 .04 .09 .16; nucleus 0.6 of it: {3, 2}
        for (DenoiserOutputKind k : new DenoiserOutputKind[] {CLP, LSR}) {
            float[] row = k == CLP ? logProbs(P) : impliedLogScores(P, 0.6);
            double[] plain = new double[5];
            double[] shaped = new double[5];
            AnalyticStep.transitionRow(k, row, 0, 5, 4, SCHEDULE.sigma(0.6), dsigma(0.6, 0.5), PLAIN, plain);
            AnalyticStep.transitionRow(k, row, 0, 5, 4, SCHEDULE.sigma(0.6), dsigma(0.6, 0.5), shaping, shaped);
            assertEquals(plain[4], shaped[4], 0.0, k + ": the same probability of staying masked");
            double unmask = 1 - plain[4];
            for (int v = 0; v < 4; v++) {
                assertEquals(shapedClean[v] * unmask, shaped[v], 1e-7, k + ", token " + v);
            }
            double[] last = new double[5];
            AnalyticStep.cleanRow(row, 0, 5, 4, shaping, last);
            assertArrayEquals(shapedClean, last, 1e-6, k + ": the final step draws from the shaped distribution");
        }
    }
}
