package org.mdlm.engine;

/**
 * One validation result.
 *
 * @param step completed optimizer steps when it was measured
 * @param natsPerToken validation NELBO in nats per token (divide by ln 2 for bits)
 * @param ema true when measured with the EMA weights, false with the raw weights
 */
public record EvalMetrics(int step, double natsPerToken, boolean ema) {

    /** The same value in bits per token. */
    public double bitsPerToken() {
        return natsPerToken / Math.log(2.0);
    }
}
