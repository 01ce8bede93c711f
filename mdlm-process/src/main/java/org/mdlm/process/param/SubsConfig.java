package org.mdlm.process.param;

/**
 * Configuration of the SUBS parameterization, with the switches of the MDLM paper's ablation.
 *
 * @param negInfinity the finite stand-in for minus infinity: added to the mask logit ("zero masking
 *                    probability") and written to the impossible entries of carried-over rows; must be
 *                    negative and finite (the reference MDLM uses -1e6)
 * @param timeSteps 0 for the continuous-time loss (the default), or the number of steps T of the
 *                  discrete-time bound (the paper's ablation uses T = 1000)
 * @param carryOver true (the default): unmasked tokens are copied, so only masked positions carry a
 *                  loss; false: the model's own prediction is scored at every position, with the same
 *                  per-sequence weight
 * @param zeroMasking true (the default): the mask token gets probability 0 as a clean token; false:
 *                    a plain softmax over the whole vocabulary, mask included
 */
public record SubsConfig(double negInfinity, int timeSteps, boolean carryOver, boolean zeroMasking) {

    /** The reference MDLM value of {@link #negInfinity()}. */
    public static final double DEFAULT_NEG_INFINITY = -1e6;

    /**
     * Validates the config.
     *
     * @throws IllegalArgumentException if negInfinity is not a negative finite number or timeSteps is negative
     */
    public SubsConfig {
        if (!(negInfinity < 0.0 && Double.isFinite(negInfinity))) {
            throw new IllegalArgumentException("negInfinity must be negative and finite (e.g. -1e6), got "
                    + negInfinity);
        }
        if (timeSteps < 0) {
            throw new IllegalArgumentException("time_steps must be 0 (continuous time) or the number of steps T >= 1, "
                    + "got " + timeSteps);
        }
    }

    /** The default config: {@code negInfinity = -1e6}, continuous time, carry-over and zero masking on. */
    public static SubsConfig defaults() {
        return new SubsConfig(DEFAULT_NEG_INFINITY, 0, true, true);
    }

    /** This config with another negInfinity. */
    public SubsConfig withNegInfinity(double value) {
        return new SubsConfig(value, timeSteps, carryOver, zeroMasking);
    }

    /** True for the continuous-time loss ({@code timeSteps == 0}). */
    public boolean continuousTime() {
        return timeSteps == 0;
    }
}
