package org.mdlm.process.param;

import java.util.Map;
import java.util.SplittableRandom;
import org.mdlm.api.kernels.FusedOps;
import org.mdlm.api.model.Corruption;
import org.mdlm.api.model.DenoiserOutputKind;
import org.mdlm.api.model.LossContext;
import org.mdlm.api.model.Parameterization;
import org.mdlm.api.model.RouteContext;
import org.mdlm.process.forward.AbsorbingProcess;
import org.mdlm.process.forward.AntitheticTimeSampler;
import org.mdlm.process.forward.DiscreteTimeSampler;
import org.mdlm.api.schedule.NoiseSchedule;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;

/**
 * The SUBS parameterization of MDLM (Sahoo et al. 2024), with the switches of the paper's ablation.
 *
 * <ul>
 *   <li><b>Zero masking probability</b> ({@code zero_masking}, on by default): {@code negInfinity} is
 *       added to the mask column of the logits before the log-softmax, so the model never predicts the
 *       mask token. Off: a plain log-softmax over the whole vocabulary.</li>
 *   <li><b>Carry-over unmasking</b> ({@code carry_over}, on by default): at positions where x_t is not
 *       the mask, log p(x0 | x_t) puts all mass on x_t (the row is {@code negInfinity} everywhere except
 *       exactly 0 at x_t), so those positions carry no loss. Off: the model's own prediction is used and
 *       scored at every position with the sequence's weight.</li>
 *   <li><b>Loss, continuous time</b> ({@code time_steps = 0}, the default): the NELBO, per token
 *       {@code -log p(x0 | x_t) * dsigma(t) / expm1(sigma(t))} at masked positions, exactly 0 elsewhere.</li>
 *   <li><b>Loss, discrete time</b> ({@code time_steps = T}): t = i/T with i uniform on 1..T, and the KL
 *       term of that step of the T-step chain times T ({@link DiscreteAbsorbingKl}); with zero masking it is
 *       {@code -log p(x0 | x_t) * T (alpha_s - alpha_t) / (1 - alpha_t)}.</li>
 * </ul>
 *
 * <p>Its route: antithetic times in [eps, 1] (or stratified steps), absorbing masks drawn from the
 * schedule (padded positions never masked, never counted), and the per-sequence weights computed in
 * double precision and fed as row inputs ({@value #WEIGHT}, or the four of {@link DiscreteStepWeights}).
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

    /** Name of the per-sequence loss-weight row input. */
    public static final String WEIGHT = "weight";

    private final SubsConfig config;
    private final double negInfinity;

    /** Creates the parameterization from its config. */
    public SubsParameterization(SubsConfig config) {
        this.config = config;
        this.negInfinity = config.negInfinity();
    }

    /** The config, with its ablation switches. */
    public SubsConfig config() {
        return config;
    }

    /** The finite stand-in for minus infinity. */
    public double negInfinity() {
        return negInfinity;
    }

    /** {@inheritDoc} */
    @Override
    public DenoiserOutputKind outputKind() {
        return DenoiserOutputKind.CLEAN_LOG_PROBS;
    }

    /** {@inheritDoc} Antithetic (stratified) times in [eps, 1], or stratified steps i/T in discrete time. */
    @Override
    public double[] drawTimes(int n, RouteContext context, SplittableRandom rng) {
        return config.continuousTime() ? AntitheticTimeSampler.sample(n, context.samplingEps(), rng)
                : DiscreteTimeSampler.sample(n, config.timeSteps(), rng);
    }

    /**
     * {@inheritDoc} Absorbing masks with probability {@code 1 - alpha(t)} (one uniform per position,
     * padded ones included, so the stream does not depend on padding) and the weight
     * {@code dsigma(t) / expm1(sigma(t))} per sequence (in discrete time: the step's coefficients).
     */
    @Override
    public Corruption corrupt(int[][] x0, boolean[][] valid, double[] t, RouteContext context,
                              SplittableRandom rng) {
        int[][] xt = AbsorbingProcess.mask(x0, valid, t, context.schedule(), context.vocabulary().maskId(), rng);
        if (!config.continuousTime()) {
            return new Corruption(xt, t, valid, DiscreteStepWeights.rows(context.schedule(), config.timeSteps(), t));
        }
        double[] weight = new double[t.length];
        for (int b = 0; b < t.length; b++) {
            weight[b] = lossWeight(context.schedule(), t[b]);
        }
        return new Corruption(xt, t, valid, Map.of(WEIGHT, weight));
    }

    /**
     * {@inheritDoc} The training loss, straight from the logits: with the default switches
     * {@link #tokenLossFromLogits}; otherwise the plain formula each switch names.
     */
    @Override
    public SDVariable tokenLoss(SameDiff sd, LossContext context) {
        int maskId = context.vocabulary().maskId();
        if (config.continuousTime() && config.carryOver() && config.zeroMasking()) {
            return tokenLossFromLogits(sd, context.logits(), context.x0(), context.xt(), context.rowInput(WEIGHT),
                    maskId);
        }
        SDVariable logits = context.logits();
        DataType dt = logits.dataType();
        SDVariable columns = VocabIndicators.columns(sd, logits);
        SDVariable isMask = VocabIndicators.isToken(context.xt(), maskId, dt);
        SDVariable logp = config.zeroMasking() ? normalized(sd, logits, columns, isMask, maskId)
                : VocabIndicators.logSoftmax(sd, logits, columns);
        SDVariable logpX0 = sd.sum(logp.mul(VocabIndicators.oneHot(sd, context.x0(), columns, dt)), false, VOCAB_AXIS);
        SDVariable weight;
        SDVariable masked;
        if (config.continuousTime()) {
            weight = sd.expandDims(castTo(context.rowInput(WEIGHT), dt), 1);
            masked = logpX0.mul(weight).neg();
        } else {
            weight = sd.expandDims(castTo(context.rowInput(DiscreteStepWeights.UNMASK), dt), 1);
            SDVariable logpMask = config.zeroMasking() ? null
                    : sd.sum(logp.mul(VocabIndicators.alongRows(sd, VocabIndicators.column(columns, maskId, dt),
                            isMask)), false, VOCAB_AXIS);
            masked = DiscreteAbsorbingKl.term(sd, context, logpX0, logpMask);
        }
        SDVariable loss = masked.mul(isMask);
        if (!config.carryOver()) {
            loss = loss.add(logpX0.mul(weight).neg().mul(isMask.rsub(1.0)));
        }
        return loss;
    }

    private static SDVariable castTo(SDVariable v, DataType dt) {
        return v.dataType() == dt ? v : v.castTo(dt);
    }

    /**
     * {@inheritDoc} log p(x0 | x_t) with zero masking probability and carry-over ({@link #logProbs}); with
     * both switches on, in a float32 graph with the kernels on, one fused op of the same values
     * ({@link FusedOps#carryOverLogProbs}, which has no gradient: samplers read this output, the training
     * loss does not).
     */
    @Override
    public SDVariable denoiserOutput(SameDiff sd, SDVariable logits, SDVariable xt, int maskId) {
        if (config.zeroMasking() && config.carryOver() && FusedOps.enabled(logits.dataType())) {
            return FusedOps.carryOverLogProbs(logits, xt, maskId, negInfinity);
        }
        return logProbs(sd, logits, xt, maskId);
    }

    /**
     * Builds log p(x0 | xt) of shape [B, L, V] from raw logits: zero masking probability and carry-over
     * (each unless switched off).
     *
     * @param logits raw backbone output [B, L, V]
     * @param xt noisy tokens, INT32 [B, L]
     * @param maskId id of the mask token
     */
    public SDVariable logProbs(SameDiff sd, SDVariable logits, SDVariable xt, int maskId) {
        DataType dt = logits.dataType();
        SDVariable columns = VocabIndicators.columns(sd, logits);
        SDVariable isMask = VocabIndicators.isToken(xt, maskId, dt);
        SDVariable logp = config.zeroMasking() ? normalized(sd, logits, columns, isMask, maskId)
                : VocabIndicators.logSoftmax(sd, logits, columns);
        if (!config.carryOver()) {
            return logp;
        }
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
        return VocabIndicators.logSoftmax(sd, z, columns);
    }

    /**
     * The per-token loss [B, L] from log p(x0 | xt): -log p(x0) times the sequence weight at masked
     * positions, exactly 0 elsewhere.
     *
     * @param logProbs output of {@link #logProbs}
     * @param weight per-sequence loss weight [B] (see {@link #lossWeight})
     */
    public SDVariable tokenLoss(SameDiff sd, SDVariable logProbs, SDVariable x0, SDVariable xt, SDVariable weight,
                                int maskId) {
        SDVariable columns = VocabIndicators.columns(sd, logProbs);
        SDVariable isMask = VocabIndicators.isToken(xt, maskId, logProbs.dataType());
        return maskedWeightedNll(sd, logProbs, columns, x0, isMask, weight);
    }

    /**
     * The per-token loss of {@link #tokenLoss(SameDiff, SDVariable, SDVariable, SDVariable, SDVariable, int)}
     * straight from the logits, without the carry-over: the loss reads log p(x0 | x_t) only at masked
     * positions, where it equals the normalized log-softmax, and is exactly 0 elsewhere, so the values
     * are those of {@link #tokenLoss} on {@link #logProbs} (the carried rows' entries are multiplied
     * by 0 either way) at ~6 fewer passes over [B, L, V] forward and 2 backward. In a float32 graph with
     * the kernels on it is one fused op ({@link FusedOps#maskedTokenNll}: one pass per row forward and
     * backward, no [B, L, V] intermediate), of the same values.
     */
    public SDVariable tokenLossFromLogits(SameDiff sd, SDVariable logits, SDVariable x0, SDVariable xt,
                                         SDVariable weight, int maskId) {
        DataType dt = logits.dataType();
        if (FusedOps.enabled(dt)) {
            return FusedOps.maskedTokenNll(logits, x0, xt, weight, maskId, negInfinity);
        }
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
     * The weight of a sequence noised at time t: {@code dsigma(t) / expm1(sigma(t))}, which is
     * {@code 1/t} for the log-linear schedule.
     *
     * @throws IllegalArgumentException if t is not positive (the weight is infinite at t = 0)
     */
    public double lossWeight(NoiseSchedule schedule, double t) {
        if (!(t > 0.0)) {
            throw new IllegalArgumentException("t must be > 0 for the SUBS loss weight, got " + t);
        }
        return schedule.dsigma(t) / Math.expm1(schedule.sigma(t));
    }

    @Override
    public String toString() {
        return "SubsParameterization[" + config + "]";
    }
}
