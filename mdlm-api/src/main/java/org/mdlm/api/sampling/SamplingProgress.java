package org.mdlm.api.sampling;

/** Receives sampling progress. */
@FunctionalInterface
public interface SamplingProgress {

    /** Does nothing. */
    SamplingProgress NONE = (step, total, calls) -> { };

    /**
     * @param step steps done
     * @param total steps in all
     * @param networkCalls denoiser calls so far
     */
    void onStep(int step, int total, int networkCalls);
}
