package org.mdlm.cli.config;

/**
 * What a run samples after training (config section {@code sample}).
 *
 * @param batch number of sequences
 * @param length tokens per sequence
 * @param seed sampler seed
 */
public record SampleSettings(int batch, int length, long seed) {
    /** Validates the settings. */
    public SampleSettings {
        if (batch < 1 || batch > 4096) {
            throw new IllegalArgumentException("sample.batch must be in [1, 4096], got " + batch);
        }
        if (length < 1 || length > 1_000_000) {
            throw new IllegalArgumentException("sample.length must be in [1, 1000000], got " + length);
        }
    }

    /** Four sequences of 128 tokens, seed 1. */
    public static SampleSettings defaults() {
        return new SampleSettings(4, 128, 1);
    }
}
