package org.mdlm.samplers.ar;

/**
 * A draw from one row of log-probabilities at a temperature, in double precision, by inverse CDF over
 * the token ids in increasing order; one column (the mask) is excluded and the rest renormalised.
 */
final class TemperedCategorical {

    private TemperedCategorical() {
    }

    /**
     * The token whose cumulative probability first exceeds {@code u}.
     *
     * @param logp flat log-probabilities
     * @param off offset of the row
     * @param vocab row length
     * @param excluded the column that is never drawn
     * @param temperature divides the log-probabilities
     * @param u a uniform point in [0, 1)
     * @throws IllegalStateException if no column but the excluded one has finite mass
     */
    static int draw(float[] logp, int off, int vocab, int excluded, double temperature, double u) {
        double max = Double.NEGATIVE_INFINITY;
        for (int v = 0; v < vocab; v++) {
            if (v != excluded && logp[off + v] > max) {
                max = logp[off + v];
            }
        }
        if (!Double.isFinite(max)) {
            throw new IllegalStateException("the model gave no finite probability to any token at this position");
        }
        double z = 0;
        for (int v = 0; v < vocab; v++) {
            if (v != excluded) {
                z += Math.exp((logp[off + v] - max) / temperature);
            }
        }
        double target = u * z;
        double cumulative = 0;
        int last = -1;
        for (int v = 0; v < vocab; v++) {
            if (v == excluded) {
                continue;
            }
            double e = Math.exp((logp[off + v] - max) / temperature);
            if (e > 0) {
                cumulative += e;
                last = v;
                if (target < cumulative) {
                    return v;
                }
            }
        }
        return last;
    }
}
