package org.mdlm.process.forward;

import java.util.SplittableRandom;
import org.mdlm.api.schedule.NoiseSchedule;

/**
 * The absorbing (masking) forward process q(x_t | x_0): every token of sequence b is replaced,
 * independently, by the mask id with probability {@code schedule.maskProbability(t[b])} and kept
 * otherwise.
 *
 * <p>Both variants consume the random stream in row-major order (one {@code nextDouble()} per token),
 * so the nested and the flat variant give the same result for the same seed.
 */
public final class AbsorbingProcess {

    private AbsorbingProcess() {
    }

    /**
     * Masks a batch of sequences.
     *
     * @param x0 clean tokens [B][L] (rows may differ in length); not modified
     * @param t one time per row, each in the schedule's domain
     * @param schedule gives the mask probability of each time
     * @param maskId the id written at masked positions
     * @param rng source of randomness
     * @return new arrays x_t of the same shape as x0
     */
    public static int[][] mask(int[][] x0, double[] t, NoiseSchedule schedule, int maskId, SplittableRandom rng) {
        return mask(x0, null, t, schedule, maskId, rng);
    }

    /**
     * Masks a batch of sequences that may hold padding: positions where {@code valid} is false are
     * never masked, but still consume their uniform, so the stream does not depend on padding.
     *
     * @param valid which positions are real tokens [B][L], or null when all are
     * @see #mask(int[][], double[], NoiseSchedule, int, SplittableRandom)
     */
    public static int[][] mask(int[][] x0, boolean[][] valid, double[] t, NoiseSchedule schedule, int maskId,
                               SplittableRandom rng) {
        if (t.length != x0.length) {
            throw new IllegalArgumentException("need one time per sequence: x0 has " + x0.length
                    + " rows but t has " + t.length + " entries");
        }
        int[][] xt = new int[x0.length][];
        for (int b = 0; b < x0.length; b++) {
            double p = probability(schedule, t[b]);
            int[] row = x0[b];
            int[] out = new int[row.length];
            for (int i = 0; i < row.length; i++) {
                boolean masked = rng.nextDouble() < p;
                out[i] = masked && (valid == null || valid[b][i]) ? maskId : row[i];
            }
            xt[b] = out;
        }
        return xt;
    }

    /**
     * Masks a batch stored flat in row-major order.
     *
     * @param x0Flat clean tokens, {@code batch * length} entries, row b at {@code [b*length, (b+1)*length)}
     * @param batch number of sequences B
     * @param length sequence length L
     * @param t one time per sequence
     * @param schedule gives the mask probability of each time
     * @param maskId the id written at masked positions
     * @param rng source of randomness
     * @return a new flat array x_t of {@code batch * length} entries
     */
    public static int[] mask(int[] x0Flat, int batch, int length, double[] t, NoiseSchedule schedule, int maskId,
                             SplittableRandom rng) {
        if (batch < 0 || length < 0 || (long) batch * length != x0Flat.length) {
            throw new IllegalArgumentException("x0Flat has " + x0Flat.length + " entries, expected batch*length = "
                    + batch + "*" + length);
        }
        if (t.length != batch) {
            throw new IllegalArgumentException("need one time per sequence: batch is " + batch + " but t has "
                    + t.length + " entries");
        }
        int[] xt = new int[x0Flat.length];
        for (int b = 0; b < batch; b++) {
            double p = probability(schedule, t[b]);
            int base = b * length;
            for (int i = base; i < base + length; i++) {
                xt[i] = rng.nextDouble() < p ? maskId : x0Flat[i];
            }
        }
        return xt;
    }

    private static double probability(NoiseSchedule schedule, double t) {
        double p = schedule.maskProbability(t);
        if (!(p >= 0.0 && p <= 1.0)) {
            throw new IllegalArgumentException("mask probability at t=" + t + " is " + p + ", not in [0, 1]");
        }
        return p;
    }
}
