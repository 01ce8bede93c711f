package org.mdlm.process.param;

import java.util.SplittableRandom;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The graph pieces of the Plaid objective, and the names it leaves in the graph: the embedding table,
 * its normalised rows, the state and the three terms of the bound (read by tests and tools).
 */
final class PlaidGraph {

    /** The trainable embedding table [V, D]. */
    static final String TABLE = "plaid.embedding";
    /** The table's rows scaled to unit norm [V, D]: the embeddings the process diffuses. */
    static final String EMBEDDINGS = "plaid.embeddings";
    /** gamma(t) per sequence [B], built once from the time. */
    static final String GAMMA = "plaid.gamma";
    /** alpha(t)^2 = sigmoid(-gamma) per sequence [B]. */
    static final String ALPHA_SQ = "plaid.alpha_sq";
    /** sigma(t)^2 = sigmoid(gamma) per sequence [B]. */
    static final String SIGMA_SQ = "plaid.sigma_sq";
    /** The token ids 0..V-1 [V], a constant. */
    static final String COLUMNS = "plaid.columns";
    /** The standard Gaussian noise of the forward process [B, L, D], a per-call feed. */
    static final String NOISE = "plaid.noise";
    /** The clean embeddings e_x0 [B, L, D] (graphs with a loss). */
    static final String CLEAN = "plaid.clean";
    /** The state z_t [B, L, D]. */
    static final String STATE = "plaid.z";
    /** log p(x0 | z_t) [B, L, V], the backbone's logits plus the output prior, mask excluded. */
    static final String LOG_PROBS = "plaid.log_probs";
    /** The model's estimate e_hat = sum_v p(v | z_t) e_v [B, L, D]. */
    static final String ESTIMATE = "plaid.estimate";
    /** The self-conditioning input [B, L, D]: the estimate of a first pass, or zeros. */
    static final String SELF_CONDITION = "plaid.self_condition";
    /** -log p(x0 | z_t) per token [B, L]: at t = 0 the reconstruction (decoding) term. */
    static final String RECONSTRUCTION = "plaid.term.reconstruction";
    /** gamma'(t) exp(-gamma(t)) |e - e_hat|^2 / 2 per token [B, L]: the diffusion term's integrand. */
    static final String DIFFUSION = "plaid.term.diffusion";
    /** KL(q(z_1 | x) || N(0, I)) per token [B, L]: the prior term. */
    static final String PRIOR = "plaid.term.prior";

    private static final int VOCAB_AXIS = 2;

    private PlaidGraph() {
    }

    /** Creates the table (rows drawn N(0, I) from {@code seed}) and returns its unit-norm rows. */
    static SDVariable embeddings(SameDiff sd, int vocab, int width, long seed) {
        SplittableRandom rng = new SplittableRandom(seed ^ 0x706c616964L);
        float[] values = new float[vocab * width];
        for (int i = 0; i < values.length; i++) {
            values[i] = (float) rng.nextGaussian();
        }
        SDVariable table = sd.var(TABLE, Nd4j.createFromArray(values).reshape(vocab, width));
        SDVariable norms = sd.math.sqrt(sd.sum(table.mul(table), true, 1)).add(1e-8);
        return table.div(EMBEDDINGS, norms);
    }

    /**
     * Builds gamma(t), alpha^2 and sigma^2 per sequence from the time t [B], named {@link #GAMMA},
     * {@link #ALPHA_SQ} and {@link #SIGMA_SQ} for every later part of the graph to read.
     */
    static void noiseLevels(SameDiff sd, SDVariable t, LinearLogSnr process) {
        SDVariable gamma = sd.identity(GAMMA, t.mul(process.gammaPrime()).add(process.gamma0()));
        sd.identity(ALPHA_SQ, sd.nn.sigmoid(gamma.neg()));
        sd.identity(SIGMA_SQ, sd.nn.sigmoid(gamma));
    }

    /** The token ids 0..V-1 (INT32 [V]), one constant per graph. */
    static SDVariable columns(SameDiff sd, int vocab) {
        return sd.hasVariable(COLUMNS) ? sd.getVariable(COLUMNS)
                : sd.constant(COLUMNS, Nd4j.arange(0, vocab).castTo(DataType.INT32));
    }

    /** Per-sequence values [B] as [B, 1, 1], to scale [B, L, X] tensors. */
    static SDVariable perSequence(SameDiff sd, SDVariable rows) {
        return sd.expandDims(sd.expandDims(rows, 1), 2);
    }

    /** {@code like}'s runtime shape [B, L] followed by {@code tail}. */
    static SDVariable shapeWith(SameDiff sd, SDVariable like, long tail) {
        return sd.concat(0, sd.shape(like).castTo(DataType.LONG), sd.constant(Nd4j.createFromArray(tail)));
    }

    /** The rows of {@code table} [V, D] for ids [B, L]: a one-hot product, [B, L, D]. */
    static SDVariable lookup(SameDiff sd, SDVariable ids, SDVariable table, int vocab, int width) {
        SDVariable oneHot = VocabIndicators.oneHot(sd, ids, columns(sd, vocab), table.dataType());
        SDVariable flat = sd.mmul(sd.reshape(oneHot, -1, vocab), table);
        return sd.reshape(flat, shapeWith(sd, ids, width));
    }

    /** x [B, L, P] times m [P, Q] (or its transpose), [B, L, Q]. */
    static SDVariable times(SameDiff sd, SDVariable x, int p, SDVariable m, boolean transpose, int q, SDVariable like) {
        SDVariable flat = sd.mmul(sd.reshape(x, -1, p), m, false, transpose, false);
        return sd.reshape(flat, shapeWith(sd, like, q));
    }

    /** Sum over the last axis of a [B, L, X] tensor, [B, L]. */
    static SDVariable sumLast(SameDiff sd, SDVariable x) {
        return sd.sum(x, false, VOCAB_AXIS);
    }
}
