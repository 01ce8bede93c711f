package org.mdlm.process.param;

import org.mdlm.api.model.LossContext;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;

/**
 * The KL term of one step of the discrete-time absorbing chain at a masked position, times T (see
 * {@link DiscreteStepWeights}), for a model whose reverse step is the D3PM x0-parameterization
 * p(x_s | x_t) proportional to sum over x0' of q(x_s, x_t | x0') p(x0' | x_t):
 *
 * <pre>
 *   KL = unmask * (log(1 + oddsT * p_m) - log p(x0))
 *      + stay   * (log(1 + oddsT * p_m) - log(1 + oddsS * p_m))
 * </pre>
 *
 * where p_m is the probability the model gives the mask token as the clean token. With zero masking
 * (p_m = 0, SUBS) it is {@code -unmask * log p(x0)}, whose limit for large T is the continuous-time
 * SUBS weight dsigma / expm1(sigma). At unmasked positions the D3PM reverse step keeps the token, so
 * the KL there is exactly 0.
 */
final class DiscreteAbsorbingKl {

    private DiscreteAbsorbingKl() {
    }

    /**
     * The per-token term [B, L] at masked positions (not yet multiplied by the mask indicator).
     *
     * @param logpX0 log p(x0) [B, L]
     * @param logpMask log p_m [B, L], or null when the model never predicts the mask (zero masking)
     */
    static SDVariable term(SameDiff sd, LossContext context, SDVariable logpX0, SDVariable logpMask) {
        DataType dt = logpX0.dataType();
        SDVariable unmask = row(sd, context, DiscreteStepWeights.UNMASK, dt);
        if (logpMask == null) {
            return logpX0.mul(unmask).neg();
        }
        SDVariable stay = row(sd, context, DiscreteStepWeights.STAY, dt);
        SDVariable pMask = sd.math.exp(logpMask);
        SDVariable logT = sd.math.log1p(pMask.mul(row(sd, context, DiscreteStepWeights.ODDS_T, dt)));
        SDVariable logS = sd.math.log1p(pMask.mul(row(sd, context, DiscreteStepWeights.ODDS_S, dt)));
        return logT.mul(unmask.add(stay)).sub(logpX0.mul(unmask)).sub(logS.mul(stay));
    }

    /** A row input as [B, 1], broadcast against [B, L]. */
    private static SDVariable row(SameDiff sd, LossContext context, String name, DataType dt) {
        SDVariable r = context.rowInput(name);
        return sd.expandDims(r.dataType() == dt ? r : r.castTo(dt), 1);
    }
}
