package org.mdlm.api.model;

import org.mdlm.api.schedule.NoiseSchedule;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;

/**
 * Turns a backbone's logits into log p(x0 | xt) and a training loss (e.g. SUBS).
 */
public interface Parameterization {

    /**
     * Builds log p(x0 | xt) of shape [B, L, V] from raw logits.
     *
     * @param logits raw backbone output [B, L, V]
     * @param xt noisy tokens, INT32 [B, L]
     * @param maskId id of the mask token
     */
    SDVariable logProbs(SameDiff sd, SDVariable logits, SDVariable xt, int maskId);

    /**
     * Builds the per-token loss [B, L]: the contribution of each position to the NELBO in nats,
     * already multiplied by its sequence's weight.
     *
     * @param logProbs output of {@link #logProbs}
     * @param x0 clean tokens, INT32 [B, L]
     * @param xt noisy tokens, INT32 [B, L]
     * @param weight per-sequence loss weight [B] (see {@link #lossWeight})
     */
    SDVariable tokenLoss(SameDiff sd, SDVariable logProbs, SDVariable x0, SDVariable xt, SDVariable weight,
                         int maskId);

    /**
     * Builds the same per-token loss as {@code tokenLoss(sd, logProbs(sd, logits, xt, maskId), ...)},
     * which is the default, straight from the logits. The training graph uses this method, so a
     * parameterization may override it with a graph that skips work the loss does not need (SUBS
     * skips the carry-over of unmasked rows, whose loss is zero anyway).
     *
     * @param logits raw backbone output [B, L, V]
     * @param x0 clean tokens, INT32 [B, L]
     * @param xt noisy tokens, INT32 [B, L]
     * @param weight per-sequence loss weight [B]
     */
    default SDVariable tokenLossFromLogits(SameDiff sd, SDVariable logits, SDVariable x0, SDVariable xt,
                                           SDVariable weight, int maskId) {
        return tokenLoss(sd, logProbs(sd, logits, xt, maskId), x0, xt, weight, maskId);
    }

    /** The weight of a sequence noised at time t, e.g. dsigma(t) / expm1(sigma(t)) for SUBS. */
    double lossWeight(NoiseSchedule schedule, double t);
}
