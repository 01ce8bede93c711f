package org.mdlm.engine;

/**
 * Linear warm-up then constant learning rate. Optimizer step n (0-based) uses
 * {@code lr * min(1, (n + 1) / warmupSteps)}: the first step already moves (lr/warmupSteps), and
 * step {@code warmupSteps - 1} is the first at the full rate. (The reference's
 * {@code get_constant_schedule_with_warmup} uses {@code n / warmupSteps}, i.e. a zero first step;
 * the curves differ by one step.)
 */
final class WarmupSchedule {

    private WarmupSchedule() {
    }

    /** Learning rate of optimizer step {@code n} (0-based). */
    static double lrAt(double lr, int warmupSteps, int n) {
        if (warmupSteps <= 0) {
            return lr;
        }
        return lr * Math.min(1.0, (n + 1.0) / warmupSteps);
    }
}
