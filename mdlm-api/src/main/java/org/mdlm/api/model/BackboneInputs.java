package org.mdlm.api.model;

import java.util.Objects;
import org.nd4j.autodiff.samediff.SDVariable;

/**
 * What a backbone receives when it adds itself to a graph.
 *
 * @param xt noisy tokens, INT32 placeholder of shape [B, L] (the mask token is {@code vocabSize - 1}
 *           or whatever the domain says; the backbone does not need to know)
 * @param sigma total noise per sequence, FLOAT placeholder of shape [B]; zeros when the engine
 *              knows the backbone is not time-conditioned
 * @param vocabSize number of token ids including the mask token (the logits' last dimension)
 * @param training true for the training graph (dropout active), false for evaluation and sampling
 * @param initSeed seed for the initial parameter values
 * @param feeds where to declare extra per-call placeholders (rotary tables, dropout masks)
 */
public record BackboneInputs(SDVariable xt, SDVariable sigma, int vocabSize, boolean training, long initSeed,
                             GraphFeeds feeds) {
    /** Validates the inputs. */
    public BackboneInputs {
        Objects.requireNonNull(xt, "xt");
        Objects.requireNonNull(sigma, "sigma");
        Objects.requireNonNull(feeds, "feeds");
        if (vocabSize < 2) {
            throw new IllegalArgumentException("vocabSize must be at least 2, got " + vocabSize);
        }
    }
}
