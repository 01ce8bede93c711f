package org.mdlm.api.model;

/** Which positions a backbone's position may attend to. */
public enum AttentionPattern {
    /** Every position sees every (valid) position: diffusion denoisers. */
    BIDIRECTIONAL,
    /** Position i sees positions 0..i only: autoregressive models. */
    CAUSAL
}
