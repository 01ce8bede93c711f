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
}
