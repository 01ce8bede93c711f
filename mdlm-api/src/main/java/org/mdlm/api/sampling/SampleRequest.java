package org.mdlm.api.sampling;

/**
 * What to sample.
 *
 * @param batch number of sequences
 * @param length tokens per sequence
 * @param seed seed of the sampler's random draws
 */
public record SampleRequest(int batch, int length, long seed) {
    /** Validates the request. */
    public SampleRequest {
        if (batch < 1) {
            throw new IllegalArgumentException("batch must be at least 1, got " + batch);
        }
        if (length < 1) {
            throw new IllegalArgumentException("length must be at least 1, got " + length);
        }
    }
}
