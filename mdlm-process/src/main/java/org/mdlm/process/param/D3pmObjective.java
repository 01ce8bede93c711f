package org.mdlm.process.param;

import java.util.SplittableRandom;
import org.mdlm.api.model.Corruption;
import org.mdlm.api.model.DenoiserOutputKind;
import org.mdlm.api.model.LossContext;
import org.mdlm.api.model.Parameterization;
import org.mdlm.api.model.RouteContext;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;

/**
 * Absorbing-state D3PM (Austin et al. 2021) as the MDLM paper's baseline: a discrete-time chain of T
 * steps on the same absorbing forward process, the network predicting p(x0 | x_t) with a plain
 * softmax over the whole vocabulary (it may put mass on the mask token: no zero masking), and the
 * reverse step of the x0-parameterization. Its loss is the full KL term of a uniformly drawn step
 * times T ({@link DiscreteAbsorbingKl}), whose expectation is the discrete-time NELBO without the prior
 * term (as in the reference, whose forward process leaves a fraction alpha(1) of tokens unmasked).
 *
 * <p>That reverse step keeps every unmasked token, so carry-over is not a simplification here but a
 * consequence of the parameterization: the KL at unmasked positions is exactly 0. The objective is
 * therefore SUBS with zero masking off and {@code time_steps = T}, and it is built as such.
 */
public final class D3pmObjective implements Parameterization {

    private final D3pmConfig config;
    private final SubsParameterization route;

    /** Creates the objective from its config. */
    public D3pmObjective(D3pmConfig config) {
        this.config = config;
        this.route = new SubsParameterization(new SubsConfig(SubsConfig.DEFAULT_NEG_INFINITY, config.timeSteps(),
                true, false));
    }

    /** {@inheritDoc} p(x0 | x_t) with the observed tokens carried over. */
    @Override
    public DenoiserOutputKind outputKind() {
        return DenoiserOutputKind.CLEAN_LOG_PROBS;
    }

    /** {@inheritDoc} Stratified steps i/T, i in 1..T. */
    @Override
    public double[] drawTimes(int n, RouteContext context, SplittableRandom rng) {
        return route.drawTimes(n, context, rng);
    }

    /** {@inheritDoc} Absorbing masks at alpha(i/T) and the step's four coefficients per sequence. */
    @Override
    public Corruption corrupt(int[][] x0, boolean[][] valid, double[] t, RouteContext context, SplittableRandom rng) {
        return route.corrupt(x0, valid, t, context, rng);
    }

    /** {@inheritDoc} The step's full KL term times T at masked positions, 0 elsewhere. */
    @Override
    public SDVariable tokenLoss(SameDiff sd, LossContext context) {
        return route.tokenLoss(sd, context);
    }

    /** {@inheritDoc} The plain log-softmax at masked positions, the observed token elsewhere. */
    @Override
    public SDVariable denoiserOutput(SameDiff sd, SDVariable logits, SDVariable xt, int maskId) {
        return route.logProbs(sd, logits, xt, maskId);
    }

    @Override
    public String toString() {
        return "D3pmObjective[T=" + config.timeSteps() + "]";
    }
}
