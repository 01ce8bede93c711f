package org.mdlm.api.model;

import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;

/**
 * A denoising network, as a pure function (tokens, sigma) -> logits built into a SameDiff graph.
 *
 * <p>The backbone creates its trainable variables in the graph (named stably, so checkpoints and
 * external weights can be matched by name) and returns raw logits of shape [B, L, vocabSize]:
 * unmasked, unscaled, not normalised.
 */
public interface Backbone {

    /** Adds this backbone's variables and ops to {@code sd}; returns logits [B, L, V]. */
    SDVariable logits(SameDiff sd, BackboneInputs inputs);

    /** Whether the logits depend on sigma; false lets samplers reuse outputs across time steps. */
    boolean timeConditioned();

    /**
     * Whether this backbone accepts {@link BackboneInputs#vectors() input vectors} in place of token
     * ids (needed by objectives in embedding space, such as Plaid). False by default.
     */
    default boolean readsVectors() {
        return false;
    }

    /**
     * Adds the backbone without its output layer to {@code sd}: the per-position features
     * [B, L, {@link #featureWidth()}] that the language-model head reads, for other heads (a
     * classifier when fine-tuning). The variables it creates have the same names and shapes as in
     * {@link #logits}, so pretrained weights load by name.
     *
     * @throws UnsupportedOperationException if this backbone does not expose its features
     */
    default SDVariable features(SameDiff sd, BackboneInputs inputs) {
        throw new UnsupportedOperationException("backbone " + getClass().getSimpleName()
                + " does not expose features; fine-tuning needs a backbone that does (dit)");
    }

    /**
     * The width of {@link #features}' last axis.
     *
     * @throws UnsupportedOperationException if this backbone does not expose its features
     */
    default int featureWidth() {
        throw new UnsupportedOperationException("backbone " + getClass().getSimpleName()
                + " does not expose features");
    }
}
