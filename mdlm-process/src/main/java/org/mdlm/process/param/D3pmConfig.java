package org.mdlm.process.param;

/**
 * Configuration of the absorbing D3PM objective.
 *
 * @param timeSteps the number of steps T of the discrete-time chain, at least 1 (the MDLM paper's
 *                  baseline uses T = 1000)
 */
public record D3pmConfig(int timeSteps) {

    /** The MDLM paper's number of steps. */
    public static final int DEFAULT_TIME_STEPS = 1000;

    /**
     * Validates the config.
     *
     * @throws IllegalArgumentException if timeSteps is below 1
     */
    public D3pmConfig {
        if (timeSteps < 1) {
            throw new IllegalArgumentException("time_steps must be >= 1 (D3PM is a discrete-time chain), got "
                    + timeSteps);
        }
    }

    /** The default config: T = 1000. */
    public static D3pmConfig defaults() {
        return new D3pmConfig(DEFAULT_TIME_STEPS);
    }
}
