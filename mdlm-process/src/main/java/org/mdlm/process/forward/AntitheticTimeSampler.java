package org.mdlm.process.forward;

import java.util.SplittableRandom;

/**
 * Draws diffusion times for a batch, mapped to [eps, 1].
 *
 * <p>The antithetic (stratified, low-discrepancy) scheme of MDLM splits [0, 1) into n equal strata
 * and draws one uniform point in each: {@code v_i = (u_i / n + i / n) mod 1}, then
 * {@code t_i = (1 - eps) v_i + eps}. Sample i therefore lies in
 * {@code [eps + (1-eps) i/n, eps + (1-eps)(i+1)/n)}, which lowers the variance of the batch loss.
 */
public final class AntitheticTimeSampler {

    private AntitheticTimeSampler() {
    }

    /**
     * Antithetic times: one uniform sample per stratum, in stratum order.
     *
     * @param n number of times (batch size), at least 1
     * @param eps smallest time, in [0, 1)
     * @param rng source of the uniforms
     * @return n times in [eps, 1], the i-th in the i-th stratum
     */
    public static double[] sample(int n, double eps, SplittableRandom rng) {
        check(n, eps);
        double[] t = new double[n];
        for (int i = 0; i < n; i++) {
            double u = rng.nextDouble();
            double v = (u + i) / n;
            // u < 1, but (u + i) / n can round up to the next stratum's edge: keep it inside.
            double upper = (double) (i + 1) / n;
            if (v >= upper) {
                v = Math.nextDown(upper);
            }
            t[i] = toTime(v, eps);
        }
        return t;
    }

    /**
     * Independent times: {@code t_i = (1 - eps) u_i + eps} with i.i.d. uniform u_i.
     *
     * @param n number of times, at least 1
     * @param eps smallest time, in [0, 1)
     * @param rng source of the uniforms
     * @return n times in [eps, 1]
     */
    public static double[] sampleIndependent(int n, double eps, SplittableRandom rng) {
        check(n, eps);
        double[] t = new double[n];
        for (int i = 0; i < n; i++) {
            t[i] = toTime(rng.nextDouble(), eps);
        }
        return t;
    }

    /**
     * Draws n times with or without the antithetic scheme.
     *
     * @param antithetic true for {@link #sample}, false for {@link #sampleIndependent}
     */
    public static double[] sample(int n, double eps, SplittableRandom rng, boolean antithetic) {
        return antithetic ? sample(n, eps, rng) : sampleIndependent(n, eps, rng);
    }

    private static double toTime(double v, double eps) {
        return Math.min(1.0, (1.0 - eps) * v + eps);
    }

    private static void check(int n, double eps) {
        if (n < 1) {
            throw new IllegalArgumentException("n must be >= 1, got " + n);
        }
        if (!(eps >= 0.0 && eps < 1.0)) {
            throw new IllegalArgumentException("eps must be in [0, 1), got " + eps);
        }
    }
}
