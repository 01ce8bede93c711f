package org.mdlm.engine;

/**
 * Metrics of one optimizer step.
 *
 * @param step completed steps including this one (1-based)
 * @param loss this step's training loss (mean weighted NELBO per token, nats), before the update
 * @param lr learning rate used by this step
 * @param gradNorm global gradient L2 norm before clipping
 * @param msPerStep mean wall time per step since the previous report, milliseconds
 * @param tokensPerSecond training tokens per second over the same interval
 */
public record StepMetrics(int step, double loss, double lr, double gradNorm, double msPerStep,
                          double tokensPerSecond) {
}
