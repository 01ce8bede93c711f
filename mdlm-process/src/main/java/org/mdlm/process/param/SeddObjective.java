package org.mdlm.process.param;

import java.util.Map;
import java.util.SplittableRandom;
import org.mdlm.api.model.Corruption;
import org.mdlm.api.model.DenoiserOutputKind;
import org.mdlm.api.model.LossContext;
import org.mdlm.api.model.OutputContext;
import org.mdlm.api.model.Parameterization;
import org.mdlm.api.model.RouteContext;
import org.mdlm.api.schedule.NoiseSchedule;
import org.mdlm.process.forward.AbsorbingProcess;
import org.mdlm.process.forward.AntitheticTimeSampler;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;

/**
 * SEDD with the absorbing process (Lou et al. 2024), the MDLM paper's score-based baseline. The
 * network's logits become log score ratios {@code log s_v = logit_v - log(expm1(sigma)) - log(N)}
 * (N = number of clean tokens, so that an untrained network starts near the true scale), with the
 * entry of the observed token set to 0. At a masked position with clean token x0, where the true
 * ratios are {@code q = 1/expm1(sigma)} for x0 and 0 for every other clean token, the loss is the
 * diffusion-weighted score entropy, constant term included:
 *
 * <pre>
 *   dsigma(t) * ( sum over clean v of s_v  -  q log s_x0  +  q (log q - 1) )
 * </pre>
 *
 * which is non-negative, 0 exactly when the predicted ratios are the true ones, and whose expectation
 * over t in [eps, 1] is a bound on the negative log-likelihood (as in the reference, without the
 * prior term). Unmasked positions carry no loss.
 *
 * <p>The MDLM paper's SEDD is time-conditioned ({@code model.time_conditioning=true}); the objective
 * also trains a network that ignores sigma, since the 1/expm1(sigma) scale is applied outside it.
 */
public final class SeddObjective implements Parameterization {

    /** Row input: dsigma(t). */
    static final String DSIGMA = "dsigma";
    /** Row input: log(expm1(sigma(t))) + log(N). */
    static final String SHIFT = "score_shift";
    /** Row input: the true ratio q = 1/expm1(sigma(t)). */
    static final String RATIO = "true_ratio";
    /** Row input: the constant q (log q - 1). */
    static final String CONSTANT = "entropy_constant";

    private final SeddConfig config;

    /** Creates the objective from its config. */
    public SeddObjective(SeddConfig config) {
        this.config = config;
    }

    /** {@inheritDoc} Log score ratios. */
    @Override
    public DenoiserOutputKind outputKind() {
        return DenoiserOutputKind.LOG_SCORE_RATIOS;
    }

    /** {@inheritDoc} The analytic (Tweedie tau-leaping) sampler. */
    @Override
    public String preferredSampler() {
        return "analytic";
    }

    /** {@inheritDoc} Antithetic (stratified) times in [eps, 1]. */
    @Override
    public double[] drawTimes(int n, RouteContext context, SplittableRandom rng) {
        return AntitheticTimeSampler.sample(n, context.samplingEps(), rng);
    }

    /** {@inheritDoc} Absorbing masks, and the four per-sequence values of the loss in double precision. */
    @Override
    public Corruption corrupt(int[][] x0, boolean[][] valid, double[] t, RouteContext context, SplittableRandom rng) {
        int maskId = context.vocabulary().maskId();
        int[][] xt = AbsorbingProcess.mask(x0, valid, t, context.schedule(), maskId, rng);
        double logClean = Math.log(context.vocabulary().size() - 1);
        double[] dsigma = new double[t.length];
        double[] shift = new double[t.length];
        double[] ratio = new double[t.length];
        double[] constant = new double[t.length];
        for (int b = 0; b < t.length; b++) {
            double em1 = expm1Sigma(context.schedule(), t[b]);
            dsigma[b] = context.schedule().dsigma(t[b]);
            shift[b] = Math.log(em1) + logClean;
            ratio[b] = 1.0 / em1;
            constant[b] = ratio[b] * (Math.log(ratio[b]) - 1.0);
        }
        return new Corruption(xt, t, valid, Map.of(DSIGMA, dsigma, SHIFT, shift, RATIO, ratio, CONSTANT, constant));
    }

    /** {@inheritDoc} The weighted score entropy at masked positions, 0 elsewhere. */
    @Override
    public SDVariable tokenLoss(SameDiff sd, LossContext context) {
        SDVariable logits = context.logits();
        DataType dt = logits.dataType();
        int maskId = context.vocabulary().maskId();
        SDVariable columns = VocabIndicators.columns(sd, logits);
        SDVariable isMask = VocabIndicators.isToken(context.xt(), maskId, dt);
        SDVariable shift = row(sd, context, SHIFT, dt);
        SDVariable ratio = row(sd, context, RATIO, dt);
        // sum over clean v of s_v = exp(logsumexp of the clean logits - shift)
        SDVariable maskColumn = VocabIndicators.alongRows(sd, VocabIndicators.column(columns, maskId, dt), isMask);
        SDVariable cleanLse = VocabIndicators.logSumExp(sd, logits.add(maskColumn.mul(config.negInfinity())), columns);
        SDVariable positive = sd.math.exp(cleanLse.sub(shift));
        SDVariable logScoreX0 = sd.sum(logits.mul(VocabIndicators.oneHot(sd, context.x0(), columns, dt)), false,
                SubsParameterization.VOCAB_AXIS).sub(shift);
        SDVariable entropy = positive.sub(logScoreX0.mul(ratio)).add(row(sd, context, CONSTANT, dt));
        return entropy.mul(row(sd, context, DSIGMA, dt)).mul(isMask);
    }

    /**
     * {@inheritDoc} {@code logit_v - log(expm1(sigma)) - log(N)}, with 0 at the observed token's column
     * (at a masked position: the mask column).
     */
    @Override
    public SDVariable denoiserOutput(SameDiff sd, OutputContext context) {
        SDVariable logits = context.logits();
        DataType dt = logits.dataType();
        SDVariable sigma = context.sigma();
        SDVariable s = sigma.dataType() == dt ? sigma : sigma.castTo(dt);
        SDVariable shift = sd.math.log(sd.math.expm1(s)).add(Math.log(context.vocabulary().size() - 1));
        SDVariable logScore = logits.sub(sd.expandDims(sd.expandDims(shift, 1), 2));
        SDVariable columns = VocabIndicators.columns(sd, logits);
        return logScore.mul(VocabIndicators.oneHot(sd, context.xt(), columns, dt).rsub(1.0));
    }

    /** expm1(sigma(t)), which must be positive for the ratios to exist. */
    private static double expm1Sigma(NoiseSchedule schedule, double t) {
        double em1 = Math.expm1(schedule.sigma(t));
        if (!(em1 > 0.0)) {
            throw new IllegalArgumentException("SEDD needs sigma(t) > 0, but the schedule gives sigma(" + t + ") = "
                    + schedule.sigma(t) + "; raise the smallest time (sampling eps)");
        }
        return em1;
    }

    /** A row input as [B, 1]. */
    private static SDVariable row(SameDiff sd, LossContext context, String name, DataType dt) {
        SDVariable r = context.rowInput(name);
        return sd.expandDims(r.dataType() == dt ? r : r.castTo(dt), 1);
    }

    @Override
    public String toString() {
        return "SeddObjective[" + config + "]";
    }
}
