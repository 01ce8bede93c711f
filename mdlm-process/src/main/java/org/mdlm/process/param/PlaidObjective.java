package org.mdlm.process.param;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import org.mdlm.api.model.Backbone;
import org.mdlm.api.model.Corruption;
import org.mdlm.api.model.DenoiserOutputKind;
import org.mdlm.api.model.EmbeddingDiffusion;
import org.mdlm.api.model.InputVectors;
import org.mdlm.api.model.LossContext;
import org.mdlm.api.model.OutputContext;
import org.mdlm.api.model.Parameterization;
import org.mdlm.api.model.RouteContext;
import org.mdlm.api.model.VectorContext;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Plaid (Gulrajani and Hashimoto 2023): continuous diffusion of learned token embeddings, trained
 * on its variational bound, so its figure is an upper bound on the NLL in nats per token like the
 * masked objectives'.
 *
 * <p>Tokens x are embedded by a learned table with unit-norm rows e_x in R^D. The forward process
 * is variance preserving, {@code z_t = alpha(t) e_x + sigma(t) eps} with
 * {@code alpha^2 = sigmoid(-gamma)}, {@code sigma^2 = sigmoid(gamma)} and a schedule linear in
 * {@code gamma} ({@link LinearLogSnr}). The backbone reads {@code z_t / sqrt(alpha^2 / D + sigma^2)}
 * (about unit variance) and sigma(t) of the run's schedule as its time; its logits plus Plaid's
 * output prior {@code (alpha / sigma^2) z_t . e_v} (the posterior of independent tokens, which
 * dominates at low noise) give p(x0 | z_t), and {@code e_hat = sum_v p(v) e_v}. Per token the bound is
 * <pre>
 *   -log p(x) &lt;= E[-log p(x | z_0)]                                    reconstruction (t = 0)
 *              + KL(q(z_1 | x) || N(0, I))                              prior (closed form)
 *              + E_t[ gamma'(t) exp(-gamma(t)) |e_x - e_hat(z_t)|^2 / 2 ]  diffusion, t ~ U(0, 1]
 * </pre>
 * A batch estimates both expectations at once: a fraction {@code p} of its sequences (in
 * expectation) is drawn at t = 0 and weighted 1/p, the rest at low-discrepancy times in (0, 1] and
 * weighted 1/(1-p), so the average is unbiased. The decoder p(x | z_0) is the model itself at t = 0,
 * as in Plaid. With {@code self_conditioning} the backbone also reads the estimate e_hat of a first
 * pass at the same z_t (for a random share of the sequences; zeros for the others and in that first
 * pass), as Plaid does. Not built: Plaid's learned noise schedule.
 */
public final class PlaidObjective implements Parameterization {

    /** Row input: the weight of a sequence's reconstruction term (1/p at t = 0, else 0). */
    static final String RECONSTRUCTION_WEIGHT = "plaid.reconstruction_weight";
    /** Row input: the weight of a sequence's diffusion term (1/(1-p) at t &gt; 0, else 0). */
    static final String DIFFUSION_WEIGHT = "plaid.diffusion_weight";
    /** Row value: 1 for the sequences that get the self-conditioning estimate, else 0. */
    static final String SELF_CONDITIONED = "plaid.self_conditioned";

    private final PlaidConfig config;
    private final LinearLogSnr process;

    /** Creates the objective from its config. */
    public PlaidObjective(PlaidConfig config) {
        this.config = config;
        this.process = new LinearLogSnr(config.embeddingDim(), config.gamma0(), config.gamma1(), PlaidGraph.EMBEDDINGS);
    }

    /** The Gaussian process. */
    public LinearLogSnr process() {
        return process;
    }

    @Override
    public DenoiserOutputKind outputKind() {
        return DenoiserOutputKind.STATE_CLEAN_LOG_PROBS;
    }

    @Override
    public String preferredSampler() {
        return "plaid";
    }

    @Override
    public Optional<EmbeddingDiffusion> embeddingDiffusion() {
        return Optional.of(process);
    }

    /**
     * {@inheritDoc} The backbone must read input vectors and the time (sigma(t) of the run's schedule,
     * which is monotone in t).
     */
    @Override
    public Optional<String> backboneIncompatibility(Backbone backbone) {
        if (!backbone.readsVectors()) {
            return Optional.of("plaid feeds the backbone embedding-space vectors, which "
                    + backbone.getClass().getSimpleName() + " cannot read; use model.type=dit");
        }
        if (!backbone.timeConditioned()) {
            return Optional.of("plaid needs a time-conditioned backbone (the noise level of z_t is what it denoises); "
                    + "set model.time_conditioning=true");
        }
        return Optional.empty();
    }

    /**
     * {@inheritDoc} The first {@code floor(n p)} times (one more with probability {@code frac(n p)})
     * are 0, the reconstruction draws; the others are {@code (k + 1 - u) / m}, k = 0..m-1, with one
     * uniform u: stratified over (0, 1].
     *
     * @throws IllegalArgumentException if the backbone is not time-conditioned
     */
    @Override
    public double[] drawTimes(int n, RouteContext context, SplittableRandom rng) {
        if (!context.timeConditioned()) {
            throw new IllegalArgumentException("plaid needs a time-conditioned backbone (the noise level of z_t is "
                    + "what it denoises): set model.time_conditioning=true");
        }
        double expected = n * config.reconstructionFraction();
        int atZero = (int) Math.floor(expected);
        if (rng.nextDouble() < expected - atZero) {
            atZero++;
        }
        atZero = Math.min(atZero, n);
        double[] t = new double[n];
        int m = n - atZero;
        double u = rng.nextDouble();
        for (int k = 0; k < m; k++) {
            t[atZero + k] = (k + 1 - u) / m;
        }
        return t;
    }

    /**
     * {@inheritDoc} The backbone reads vectors, so xt holds the mask id everywhere (it gives the shape
     * only); the noise is a graph feed. Row values: each sequence's term weights, and with
     * self-conditioning whether it gets the estimate (drawn with {@code rng}; otherwise no randomness).
     */
    @Override
    public Corruption corrupt(int[][] x0, boolean[][] valid, double[] t, RouteContext context, SplittableRandom rng) {
        int mask = context.vocabulary().maskId();
        int[][] xt = new int[x0.length][];
        double[] reconstruction = new double[x0.length];
        double[] diffusion = new double[x0.length];
        double p = config.reconstructionFraction();
        for (int b = 0; b < x0.length; b++) {
            xt[b] = new int[x0[b].length];
            Arrays.fill(xt[b], mask);
            if (!(t[b] >= 0.0 && t[b] <= 1.0)) {
                throw new IllegalArgumentException("plaid times must lie in [0, 1], got " + t[b]);
            }
            if (t[b] == 0.0) {
                reconstruction[b] = 1.0 / p;
            } else {
                diffusion[b] = 1.0 / (1.0 - p);
            }
        }
        if (!config.selfConditioning()) {
            return new Corruption(xt, t, valid, Map.of(RECONSTRUCTION_WEIGHT, reconstruction, DIFFUSION_WEIGHT, diffusion));
        }
        double[] conditioned = new double[x0.length];
        for (int b = 0; b < x0.length; b++) {
            conditioned[b] = rng.nextDouble() < config.selfConditionFraction() ? 1.0 : 0.0;
        }
        return new Corruption(xt, t, valid, Map.of(RECONSTRUCTION_WEIGHT, reconstruction, DIFFUSION_WEIGHT, diffusion,
                SELF_CONDITIONED, conditioned));
    }

    /**
     * {@inheritDoc} With x0: {@code z_t = alpha e_x0 + sigma eps} (eps a per-call Gaussian feed);
     * without: the sampler's state. Either way scaled to about unit variance.
     */
    @Override
    public InputVectors backboneVectors(SameDiff sd, VectorContext context) {
        int v = context.vocabulary().size();
        int d = config.embeddingDim();
        SDVariable table = PlaidGraph.embeddings(sd, v, d, context.initSeed());
        PlaidGraph.noiseLevels(sd, context.t(), process);
        SDVariable alphaSq = sd.getVariable(PlaidGraph.ALPHA_SQ);
        SDVariable sigmaSq = sd.getVariable(PlaidGraph.SIGMA_SQ);
        SDVariable z;
        if (context.x0().isPresent()) {
            SDVariable x0 = context.x0().get();
            SDVariable clean = sd.identity(PlaidGraph.CLEAN, PlaidGraph.lookup(sd, x0, table, v, d));
            SDVariable noise = context.feeds().placeholder(PlaidGraph.NOISE, DataType.FLOAT, 3,
                    (batch, length, rng) -> gaussian(batch, length, d, rng));
            z = clean.mul(PlaidGraph.perSequence(sd, sd.math.sqrt(alphaSq)))
                    .add(noise.mul(PlaidGraph.perSequence(sd, sd.math.sqrt(sigmaSq))));
        } else {
            z = context.state(d);
        }
        z = sd.identity(PlaidGraph.STATE, z);
        SDVariable scale = sd.math.rsqrt(alphaSq.div(d).add(sigmaSq));
        SDVariable input = z.mul(PlaidGraph.perSequence(sd, scale));
        if (!config.selfConditioning()) {
            return new InputVectors(input, d);
        }
        // The estimate has norm at most 1 (a mean of unit vectors): scaled by sqrt(D) as Plaid does.
        SDVariable estimate = context.selfCondition(PlaidGraph.SELF_CONDITION, d, PlaidGraph.ESTIMATE, SELF_CONDITIONED);
        return new InputVectors(sd.concat(2, input, estimate.mul(Math.sqrt(d))), 2 * d);
    }

    /** Standard normal values [batch, length, width] from {@code rng}. */
    static org.nd4j.linalg.api.ndarray.INDArray gaussian(int batch, int length, int width, SplittableRandom rng) {
        float[] values = new float[batch * length * width];
        for (int i = 0; i < values.length; i++) {
            values[i] = (float) rng.nextGaussian();
        }
        return Nd4j.createFromArray(values).reshape(batch, length, width);
    }

    /**
     * {@inheritDoc} The weighted sum of the three terms per token; each term is also left in the graph
     * unweighted ({@code plaid.term.*}).
     */
    @Override
    public SDVariable tokenLoss(SameDiff sd, LossContext context) {
        int v = context.vocabulary().size();
        int d = config.embeddingDim();
        SDVariable x0 = context.x0();
        SDVariable table = sd.getVariable(PlaidGraph.EMBEDDINGS);
        SDVariable logp = sd.hasVariable(PlaidGraph.LOG_PROBS) ? sd.getVariable(PlaidGraph.LOG_PROBS)
                : logProbs(sd, context.logits(), context.xt(), context.vocabulary().maskId(), v);
        SDVariable oneHot = VocabIndicators.oneHot(sd, x0, PlaidGraph.columns(sd, v), logp.dataType());
        SDVariable reconstruction = sd.identity(PlaidGraph.RECONSTRUCTION, PlaidGraph.sumLast(sd, logp.mul(oneHot)).neg());

        SDVariable clean = sd.getVariable(PlaidGraph.CLEAN);
        SDVariable expected = sd.hasVariable(PlaidGraph.ESTIMATE) ? sd.getVariable(PlaidGraph.ESTIMATE)
                : estimate(sd, logp, table, v, x0);
        SDVariable error = clean.sub(expected);
        SDVariable weight = sd.math.exp(sd.getVariable(PlaidGraph.GAMMA).neg()).mul(0.5 * process.gammaPrime());
        SDVariable diffusion = sd.identity(PlaidGraph.DIFFUSION,
                PlaidGraph.sumLast(sd, error.mul(error)).mul(sd.expandDims(weight, 1)));

        double a1 = process.alphaSquared(1.0);
        double perDim = -a1 - Math.log1p(-a1);
        SDVariable prior = sd.identity(PlaidGraph.PRIOR,
                PlaidGraph.sumLast(sd, clean.mul(clean)).mul(0.5 * a1).add(0.5 * d * perDim));

        SDVariable wRec = sd.expandDims(context.rowInput(RECONSTRUCTION_WEIGHT), 1);
        SDVariable wDiff = sd.expandDims(context.rowInput(DIFFUSION_WEIGHT), 1);
        return reconstruction.mul(wRec).add(diffusion.mul(wDiff)).add(prior);
    }

    /**
     * {@inheritDoc} log p(x0 = v | z_t) [B, L, V] with the output prior; the mask at about negInfinity.
     * Also leaves the estimate e_hat in the graph ({@link PlaidGraph#ESTIMATE}, what self-conditioning
     * feeds back).
     */
    @Override
    public SDVariable denoiserOutput(SameDiff sd, OutputContext context) {
        SDVariable logp = logProbs(sd, context.logits(), context.xt(), context.vocabulary().maskId(),
                context.vocabulary().size());
        estimate(sd, logp, sd.getVariable(PlaidGraph.EMBEDDINGS), context.vocabulary().size(), context.xt());
        return logp;
    }

    /** e_hat = sum_v p(v) e_v [B, L, D], named {@link PlaidGraph#ESTIMATE}; {@code like} gives B and L. */
    private SDVariable estimate(SameDiff sd, SDVariable logp, SDVariable table, int v, SDVariable like) {
        return sd.identity(PlaidGraph.ESTIMATE,
                PlaidGraph.times(sd, sd.math.exp(logp), v, table, false, config.embeddingDim(), like));
    }

    /**
     * The backbone's logits plus the output prior {@code (alpha / sigma^2) z . e_v}, the mask column at
     * about {@code negInfinity}, log-normalised over the vocabulary; named {@link PlaidGraph#LOG_PROBS}.
     */
    private SDVariable logProbs(SameDiff sd, SDVariable logits, SDVariable xt, int maskId, int v) {
        int d = config.embeddingDim();
        DataType dt = logits.dataType();
        SDVariable table = sd.getVariable(PlaidGraph.EMBEDDINGS);
        SDVariable z = sd.getVariable(PlaidGraph.STATE);
        SDVariable coefficient = sd.math.sqrt(sd.getVariable(PlaidGraph.ALPHA_SQ))
                .div(sd.getVariable(PlaidGraph.SIGMA_SQ));
        SDVariable prior = PlaidGraph.times(sd, z, d, table, true, v, xt).mul(PlaidGraph.perSequence(sd, coefficient));
        SDVariable columns = PlaidGraph.columns(sd, v);
        SDVariable maskColumn = VocabIndicators.alongRows(sd, VocabIndicators.column(columns, maskId, dt), xt.castTo(dt));
        SDVariable full = logits.add(prior.castTo(dt)).add(maskColumn.mul(config.negInfinity()));
        return sd.identity(PlaidGraph.LOG_PROBS, VocabIndicators.logSoftmax(sd, full, columns));
    }

    @Override
    public String toString() {
        return "PlaidObjective[" + config + "]";
    }
}
