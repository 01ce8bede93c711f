package org.mdlm.api.model;

import java.util.Objects;
import org.nd4j.autodiff.samediff.SDVariable;

/**
 * Continuous input vectors for a backbone, in place of token ids (an objective in embedding space,
 * such as Plaid, makes them).
 *
 * @param values the vectors [B, L, width]
 * @param width their last dimension (SameDiff does not always know it when the graph is built)
 */
public record InputVectors(SDVariable values, int width) {

    /** Validates the width. */
    public InputVectors {
        Objects.requireNonNull(values, "values");
        if (width < 1) {
            throw new IllegalArgumentException("input vector width must be >= 1, got " + width);
        }
    }
}
