package org.mdlm.engine;

/**
 * An evaluation: the mean loss per counted token and its standard error over windows.
 *
 * @param natsPerToken the objective's loss in nats per token: an upper bound on the NLL (NELBO) or,
 *                     when {@code exact}, the NLL itself
 * @param standardError standard error of {@code natsPerToken} over windows (the ratio estimator's;
 *                      NaN with a single window)
 * @param windows windows evaluated
 * @param sequences sequences evaluated (windows times noise levels)
 * @param tokens counted tokens
 * @param exact true when the figure is the exact NLL (autoregressive), false for a bound
 */
public record EvalResult(double natsPerToken, double standardError, int windows, int sequences, long tokens,
                         boolean exact) {

    /** Bits per token. */
    public double bitsPerToken() {
        return natsPerToken / Math.log(2.0);
    }

    /** Standard error in bits per token. */
    public double bitsStandardError() {
        return standardError / Math.log(2.0);
    }
}
