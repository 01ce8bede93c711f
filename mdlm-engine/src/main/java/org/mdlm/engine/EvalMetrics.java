package org.mdlm.engine;

/**
 * One validation result during training.
 *
 * @param step completed optimizer steps when it was measured
 * @param result the evaluation (nats per token, standard error, whether exact or a bound)
 * @param ema true when measured with the EMA weights, false with the raw weights
 */
public record EvalMetrics(int step, EvalResult result, boolean ema) {

    /** Validation loss in nats per token (divide by ln 2 for bits). */
    public double natsPerToken() {
        return result.natsPerToken();
    }

    /** The same value in bits per token. */
    public double bitsPerToken() {
        return result.bitsPerToken();
    }
}
