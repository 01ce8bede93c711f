package org.mdlm.api.model;

import java.util.Objects;
import org.mdlm.api.domain.Vocabulary;
import org.nd4j.autodiff.samediff.SDVariable;

/**
 * What a backbone receives when it adds itself to a graph.
 *
 * @param xt input tokens, INT32 placeholder of shape [B, L] (noisy tokens for diffusion objectives,
 *           shifted clean tokens for autoregressive ones; the backbone does not need to know)
 * @param sigma total noise per sequence, FLOAT placeholder of shape [B]; zeros when the engine
 *              knows the backbone is not time-conditioned
 * @param valid FLOAT placeholder [B, L], 1 at real tokens and 0 at padding, or null when the
 *              vocabulary has no padding (every position is valid); a backbone must keep padded
 *              positions out of every other position's output (e.g. as attention keys)
 * @param attention which positions may attend to which (bidirectional or causal)
 * @param vocabulary the token layout: size (the logits' last dimension), mask, pad, complement
 * @param training true for the training graph (dropout active), false for evaluation and sampling
 * @param initSeed seed for the initial parameter values
 * @param feeds where to declare extra per-call placeholders (rotary tables, dropout masks)
 * @param vectors continuous input vectors [B, L, W] that replace the token embedding (an objective in
 *                embedding space, such as Plaid, makes them), or null for token input; only backbones
 *                that {@link Backbone#readsVectors() read vectors} accept them, and then xt gives the
 *                shape only
 */
public record BackboneInputs(SDVariable xt, SDVariable sigma, SDVariable valid, AttentionPattern attention,
                             Vocabulary vocabulary, boolean training, long initSeed, GraphFeeds feeds,
                             InputVectors vectors) {

    /** Validates the inputs. */
    public BackboneInputs {
        Objects.requireNonNull(xt, "xt");
        Objects.requireNonNull(sigma, "sigma");
        Objects.requireNonNull(attention, "attention");
        Objects.requireNonNull(vocabulary, "vocabulary");
        Objects.requireNonNull(feeds, "feeds");
        if (vocabulary.size() < 2) {
            throw new IllegalArgumentException("vocabulary size must be at least 2, got " + vocabulary.size());
        }
    }

    /** Inputs with token ids (no input vectors). */
    public BackboneInputs(SDVariable xt, SDVariable sigma, SDVariable valid, AttentionPattern attention,
                          Vocabulary vocabulary, boolean training, long initSeed, GraphFeeds feeds) {
        this(xt, sigma, valid, attention, vocabulary, training, initSeed, feeds, null);
    }

    /**
     * Inputs for a bidirectional backbone without padding over a plain vocabulary of {@code vocabSize}
     * ids whose last id is the mask.
     */
    public BackboneInputs(SDVariable xt, SDVariable sigma, int vocabSize, boolean training, long initSeed,
                          GraphFeeds feeds) {
        this(xt, sigma, null, AttentionPattern.BIDIRECTIONAL, Vocabulary.of(vocabSize, vocabSize - 1), training,
                initSeed, feeds);
    }

    /** Number of token ids including the mask token (the logits' last dimension). */
    public int vocabSize() {
        return vocabulary.size();
    }
}
