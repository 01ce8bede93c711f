package org.mdlm.api.model;

/**
 * What the numbers of a {@link DenoiserOutput} mean; an objective declares it and a sampler checks
 * that it can read it.
 */
public enum DenoiserOutputKind {
    /**
     * log p(x0 = v | x_t) at every position (MDLM/SUBS, D3PM): a distribution over clean tokens; at
     * unmasked positions it may carry the observed token over.
     */
    CLEAN_LOG_PROBS("clean-token log-probs"),
    /**
     * log s(x_t)_v, the log ratio p_t(x with position i set to v) / p_t(x) of the concrete score
     * (SEDD), at every position.
     */
    LOG_SCORE_RATIOS("log score ratios"),
    /**
     * log p(x_i = v | x_&lt;i) (autoregressive): row i is the distribution of token i given the
     * tokens before it. The input row is shifted right by one: position 0 holds the mask id as the
     * beginning-of-sequence marker and position i holds token i-1.
     */
    NEXT_TOKEN_LOG_PROBS("next-token log-probs"),
    /**
     * log p(x0 = v | z_t) at every position, where z_t is a continuous state in embedding space
     * (Plaid): read through {@link Denoiser#evaluateState}, not {@link Denoiser#evaluate}.
     */
    STATE_CLEAN_LOG_PROBS("clean-token log-probs of embedding-space states");

    private final String label;

    DenoiserOutputKind(String label) {
        this.label = label;
    }

    /** A short human-readable label for messages. */
    public String label() {
        return label;
    }
}
