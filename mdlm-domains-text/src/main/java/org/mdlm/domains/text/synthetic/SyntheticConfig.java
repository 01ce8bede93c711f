package org.mdlm.domains.text.synthetic;

/**
 * Config of the {@code "synthetic"} domain.
 *
 * @param vocab vocabulary size including the mask token (the data uses ids 0..vocab-2, the mask is vocab-1)
 * @param trainTokens length of the training split
 * @param evalTokens length of the validation and of the test split
 * @param zipf exponent s of the Zipf law p(k) ∝ 1/(k+1)^s over the data ids (0 = uniform)
 * @param seed seed of the token streams (each split has its own stream)
 */
public record SyntheticConfig(int vocab, long trainTokens, long evalTokens, double zipf, long seed) {

    /** Largest vocabulary accepted (the generator keeps one cumulative table of this size). */
    public static final int MAX_VOCAB = 1 << 24;

    /**
     * Validates the config.
     *
     * @throws IllegalArgumentException naming the bad field and its valid range
     */
    public SyntheticConfig {
        if (vocab < 2 || vocab > MAX_VOCAB) {
            throw new IllegalArgumentException("vocab: " + vocab + " is out of range; give 2.." + MAX_VOCAB
                    + " (data ids plus the mask token)");
        }
        if (trainTokens < 1) {
            throw new IllegalArgumentException("train_tokens: " + trainTokens + " must be at least 1");
        }
        if (evalTokens < 1) {
            throw new IllegalArgumentException("eval_tokens: " + evalTokens + " must be at least 1");
        }
        if (!Double.isFinite(zipf) || zipf < 0) {
            throw new IllegalArgumentException("zipf: " + zipf + " must be a finite number >= 0 (0 = uniform)");
        }
    }

    /** The default: 8192 ids (a BPE-sized vocabulary for benchmarks), 4M training tokens, Zipf 1.0, seed 0. */
    public static SyntheticConfig defaults() {
        return new SyntheticConfig(8192, 4_000_000L, 262_144L, 1.0, 0L);
    }
}
