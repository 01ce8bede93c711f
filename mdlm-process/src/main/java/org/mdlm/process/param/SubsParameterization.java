package org.mdlm.process.param;

import org.mdlm.api.model.Parameterization;
import org.mdlm.api.schedule.NoiseSchedule;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ops.impl.controlflow.compat.StopGradient;

/**
 * The SUBS parameterization of MDLM (Sahoo et al. 2024).
 *
 * <ul>
 *   <li><b>Zero masking probability:</b> {@code negInfinity} is added to the mask column of the logits
 *       before the log-softmax, so the model never predicts the mask token.</li>
 *   <li><b>Carry-over unmasking:</b> at positions where x_t is not the mask, log p(x0 | x_t) puts all
 *       mass on x_t: the row is {@code negInfinity} everywhere except exactly 0 at x_t.</li>
 *   <li><b>Loss:</b> continuous-time NELBO, per token {@code -log p(x0 | x_t) * dsigma(t) / expm1(sigma(t))}
 *       at masked positions and exactly 0 elsewhere.</li>
 * </ul>
 *
 * <p>The graph avoids the ops whose gradients are broken in SameDiff M2.1: the log-softmax is written
 * out ({@code z - max - log(sum(exp(z - max)))}; the native {@code log_softmax} is slower, returns
 * -inf for the mask column and fails in gradient creation when given a dimension), and token
 * selection uses one-hot masks, not gather. Logits must have rank 3, [B, L, V].
 */
public final class SubsParameterization implements Parameterization {

    /**
     * The vocabulary axis of [B, L, V], spelled positively: in SameDiff M2.1 a reduction with
     * {@code keepDims=true} over dimension -1 returns its values in a scrambled order.
     */
    static final int VOCAB_AXIS = 2;

    private final double negInfinity;

    /** Creates the parameterization from its config. */
    public SubsParameterization(SubsConfig config) {
        this.negInfinity = config.negInfinity();
    }

    /** The finite stand-in for minus infinity. */
    public double negInfinity() {
        return negInfinity;
    }

    /** {@inheritDoc} */
    @Override
    public SDVariable logProbs(SameDiff sd, SDVariable logits, SDVariable xt, int maskId) {
        DataType dt = logits.dataType();
        SDVariable columns = VocabIndicators.columns(sd, logits);
        SDVariable isMask = VocabIndicators.isToken(xt, maskId, dt);
        SDVariable logp = normalized(sd, logits, columns, isMask, maskId);
        // Carry-over: unmasked rows become negInfinity except exactly 0 at x_t. The row mask is a full
        // [B, L, V] tensor built from x_t only, so each multiply with logp is same-shape.
        SDVariable maskedRows = VocabIndicators.alongVocab(sd, isMask, columns, dt);
        SDVariable carried = VocabIndicators.oneHot(sd, xt, columns, dt).rsub(1.0).mul(negInfinity);
        return logp.mul(maskedRows).add(carried.mul(maskedRows.rsub(1.0)));
    }

    /**
     * The log-softmax of the logits with the mask column at {@code negInfinity}, before carry-over.
     * Every mask here is a full [B, L, V] tensor computed from x_t and constants only: no gradient flows
     * into it, and each add with the logits is same-shape (backpropagating a broadcast [B, L, 1] or [V]
     * operand makes libnd4j reduce over the broadcast axes, which was 30% of a training step at V = 8192).
     */
    private SDVariable normalized(SameDiff sd, SDVariable logits, SDVariable columns, SDVariable isMask, int maskId) {
        DataType dt = logits.dataType();
        SDVariable maskColumn = VocabIndicators.alongRows(sd, VocabIndicators.column(columns, maskId, dt), isMask);
        SDVariable z = logits.add(maskColumn.mul(negInfinity));
        // The shift by the row maximum only keeps exp() in range; it cancels in the result, so no
        // gradient is taken through it (this also avoids libnd4j's slow max backward).
        SDVariable rowMax = VocabIndicators.alongVocab(sd,
                new StopGradient(sd, sd.max(z, false, VOCAB_AXIS)).outputVariable(), columns, dt);
        SDVariable shifted = z.sub(rowMax);
        SDVariable logSumExp = sd.math.log(sd.sum(sd.math.exp(shifted), true, VOCAB_AXIS));
        return shifted.sub(logSumExp);
    }

    /** {@inheritDoc} */
    @Override
    public SDVariable tokenLoss(SameDiff sd, SDVariable logProbs, SDVariable x0, SDVariable xt, SDVariable weight,
                                int maskId) {
        SDVariable columns = VocabIndicators.columns(sd, logProbs);
        SDVariable isMask = VocabIndicators.isToken(xt, maskId, logProbs.dataType());
        return maskedWeightedNll(sd, logProbs, columns, x0, isMask, weight);
    }

    /**
     * {@inheritDoc} Here without the carry-over: the loss reads log p(x0 | x_t) only at masked
     * positions, where it equals the normalized log-softmax, and is exactly 0 elsewhere, so the values
     * are those of {@link #tokenLoss} on {@link #logProbs} (the carried rows' entries are multiplied
     * by 0 either way) at ~6 fewer passes over [B, L, V] forward and 2 backward.
     */
    @Override
    public SDVariable tokenLossFromLogits(SameDiff sd, SDVariable logits, SDVariable x0, SDVariable xt,
                                         SDVariable weight, int maskId) {
        DataType dt = logits.dataType();
        SDVariable columns = VocabIndicators.columns(sd, logits);
        SDVariable isMask = VocabIndicators.isToken(xt, maskId, dt);
        SDVariable logp = normalized(sd, logits, columns, isMask, maskId);
        return maskedWeightedNll(sd, logp, columns, x0, isMask, weight);
    }

    /** -log p[x0] at masked positions ({@code isMask} 1) times the sequence weight; exactly 0 elsewhere. */
    private static SDVariable maskedWeightedNll(SameDiff sd, SDVariable logp, SDVariable columns, SDVariable x0,
                                                SDVariable isMask, SDVariable weight) {
        DataType dt = logp.dataType();
        SDVariable target = VocabIndicators.oneHot(sd, x0, columns, dt);
        SDVariable nll = sd.sum(logp.mul(target), false, VOCAB_AXIS).neg();
        SDVariable w = weight.dataType() == dt ? weight : weight.castTo(dt);
        return nll.mul(isMask).mul(sd.expandDims(w, 1));
    }

    /**
     * {@inheritDoc} Here {@code dsigma(t) / expm1(sigma(t))}, which is {@code 1/t} for the log-linear
     * schedule.
     *
     * @throws IllegalArgumentException if t is not positive (the weight is infinite at t = 0)
     */
    @Override
    public double lossWeight(NoiseSchedule schedule, double t) {
        if (!(t > 0.0)) {
            throw new IllegalArgumentException("t must be > 0 for the SUBS loss weight, got " + t);
        }
        return schedule.dsigma(t) / Math.expm1(schedule.sigma(t));
    }

    @Override
    public String toString() {
        return "SubsParameterization[negInfinity=" + negInfinity + "]";
    }
}
