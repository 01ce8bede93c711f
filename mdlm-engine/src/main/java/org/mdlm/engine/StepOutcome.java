package org.mdlm.engine;

/**
 * The result of one optimizer step.
 *
 * @param step optimizer steps completed after it (1 after the first)
 * @param loss the batch loss before the update, in nats per counted token
 * @param lr the learning rate the update used
 * @param gradNorm the global L2 norm of the gradients before clipping
 */
public record StepOutcome(int step, double loss, double lr, double gradNorm) {
}
