package org.mdlm.process.param;

import java.util.Map;
import java.util.SplittableRandom;
import org.mdlm.api.model.AttentionPattern;
import org.mdlm.api.model.Corruption;
import org.mdlm.api.model.DenoiserOutputKind;
import org.mdlm.api.model.LossContext;
import org.mdlm.api.model.Parameterization;
import org.mdlm.api.model.RouteContext;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;

/**
 * The autoregressive baseline of the MDLM paper: a causal backbone trained with next-token
 * cross-entropy.
 *
 * <p>Route: no times and no noise. The backbone's input is the sequence shifted right by one, with
 * the mask id as the beginning-of-sequence marker at position 0, so output row i predicts token i
 * from tokens 0..i-1 and every token of the sequence is predicted once. The loss is
 * {@code -log p(x_i | x_<i)} per token, the exact negative log-likelihood (not a bound). The mask
 * column gets {@code negInfinity} before the log-softmax, so the model never emits a mask.
 */
public final class ArObjective implements Parameterization {

    private final double negInfinity;

    /** Creates the objective from its config. */
    public ArObjective(ArConfig config) {
        this.negInfinity = config.negInfinity();
    }

    @Override
    public DenoiserOutputKind outputKind() {
        return DenoiserOutputKind.NEXT_TOKEN_LOG_PROBS;
    }

    @Override
    public AttentionPattern attention() {
        return AttentionPattern.CAUSAL;
    }

    @Override
    public boolean exactLikelihood() {
        return true;
    }

    @Override
    public boolean drawsNoise() {
        return false;
    }

    @Override
    public String preferredSampler() {
        return "ar";
    }

    /** {@inheritDoc} All zeros: the objective has no diffusion time. */
    @Override
    public double[] drawTimes(int n, RouteContext context, SplittableRandom rng) {
        return new double[n];
    }

    /** {@inheritDoc} The shifted sequence; counted positions are the valid ones. Uses no randomness. */
    @Override
    public Corruption corrupt(int[][] x0, boolean[][] valid, double[] t, RouteContext context, SplittableRandom rng) {
        return new Corruption(shiftRight(x0, context.vocabulary().maskId()), t, valid, Map.of());
    }

    /** Each row shifted right by one with {@code bos} in front (the last token drops out). */
    public static int[][] shiftRight(int[][] x0, int bos) {
        int[][] in = new int[x0.length][];
        for (int b = 0; b < x0.length; b++) {
            int[] row = new int[x0[b].length];
            if (row.length > 0) {
                row[0] = bos;
                System.arraycopy(x0[b], 0, row, 1, row.length - 1);
            }
            in[b] = row;
        }
        return in;
    }

    /** {@inheritDoc} {@code -log p(x0_i | input_0..i)} at every position. */
    @Override
    public SDVariable tokenLoss(SameDiff sd, LossContext context) {
        SDVariable logits = context.logits();
        DataType dt = logits.dataType();
        SDVariable columns = VocabIndicators.columns(sd, logits);
        SDVariable logp = logSoftmax(sd, logits, columns, context.xt(), context.vocabulary().maskId());
        SDVariable target = VocabIndicators.oneHot(sd, context.x0(), columns, dt);
        return sd.sum(logp.mul(target), false, SubsParameterization.VOCAB_AXIS).neg();
    }

    /** {@inheritDoc} log p(x_i | x_&lt;i) [B, L, V], the mask column at about {@code negInfinity}. */
    @Override
    public SDVariable denoiserOutput(SameDiff sd, SDVariable logits, SDVariable xt, int maskId) {
        return logSoftmax(sd, logits, VocabIndicators.columns(sd, logits), xt, maskId);
    }

    /** The log-softmax over the vocabulary with the mask column at {@code negInfinity} (xt only gives the shape). */
    private SDVariable logSoftmax(SameDiff sd, SDVariable logits, SDVariable columns, SDVariable xt, int maskId) {
        DataType dt = logits.dataType();
        SDVariable maskColumn = VocabIndicators.alongRows(sd, VocabIndicators.column(columns, maskId, dt),
                xt.castTo(dt));
        SDVariable z = logits.add(maskColumn.mul(negInfinity));
        return VocabIndicators.logSoftmax(sd, z, columns);
    }

    @Override
    public String toString() {
        return "ArObjective[negInfinity=" + negInfinity + "]";
    }
}
