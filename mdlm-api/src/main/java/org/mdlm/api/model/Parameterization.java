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

    /** The weight of a sequence noised at time t, e.g. dsigma(t) / expm1(sigma(t)) for SUBS. */
    double lossWeight(NoiseSchedule schedule, double t);
}
