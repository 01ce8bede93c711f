package org.mdlm.api.kernels;

import java.util.List;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The weighted negative log-likelihood of the clean tokens at masked positions, straight from the
 * logits, in one pass per row and without any [B, L, V] intermediate (the SUBS training loss of MDLM;
 * any absorbing-state objective scoring {@code -log p(x0 | xt)} at masked positions can use it).
 *
 * <p>Inputs: logits [B, L, V] (float32), x0 [B, L] and xt [B, L] (integer ids), weight [B] (float32).
 * Settings: the mask id (integer argument 0) and the finite stand-in for minus infinity (floating
 * argument 0). Output, [B, L]:
 * <pre>
 *   loss[b, l] = weight[b] * (logsumexp_{v != mask} logits[b, l, v] - logits[b, l, x0])   where xt[b, l] == mask
 *   loss[b, l] = 0                                                                        elsewhere
 * </pre>
 * The mask column is left out of the normalization (zero masking probability). This is the value
 * of the composed graph {@code -(log_softmax(logits + negInf * onehot(mask))[x0]) * weight} at masked
 * positions, also when {@code x0} is the mask itself (which data never holds): then the log-probability
 * read is {@code logits[mask] + negInf - logsumexp}, a loss near {@code -negInf * weight}, as in the
 * composed graph. A target id outside [0, V) at a masked position is an error.
 *
 * <p>The backward ({@link MaskedTokenNllBp}) recomputes each row's softmax from the logits.
 */
public final class MaskedTokenNll extends JavaOp {

    static final String NAME = "mdlm_masked_token_nll";

    /** For SameDiff's deserialization only. */
    public MaskedTokenNll() {
    }

    /**
     * @param sd the graph
     * @param logits raw scores [B, L, V], float32
     * @param x0 clean token ids [B, L], any integer type
     * @param xt noisy token ids [B, L], any integer type
     * @param weight per-sequence loss weight [B], float32
     * @param maskId the mask token: its rows are scored, its column left out of the softmax
     * @param negInfinity the stand-in for minus infinity added to the mask logit (read only when x0 is the mask)
     */
    public MaskedTokenNll(SameDiff sd, SDVariable logits, SDVariable x0, SDVariable xt, SDVariable weight, int maskId,
                          double negInfinity) {
        super(sd, new SDVariable[] {logits, x0, xt, weight}, new long[] {maskId}, new double[] {negInfinity});
    }

    /** Sets the settings, for running the op outside a graph ({@link #exec}); returns this op. */
    public MaskedTokenNll with(int maskId, double negInfinity) {
        setArguments(new long[] {maskId}, new double[] {negInfinity});
        return this;
    }

    @Override
    public String opName() {
        return NAME;
    }

    @Override
    public int getNumOutputs() {
        return 1;
    }

    @Override
    public long[][] outputShapes(long[][] in) {
        ExcludedColumn.checkShapes(NAME, in[0], in[1], in[2]);
        ExcludedColumn.checkRows(NAME, "weight", in[3], in[0][0]);
        return new long[][] {{in[0][0], in[0][1]}};
    }

    @Override
    public void compute(INDArray[] in, INDArray[] out) {
        int mask = Math.toIntExact(longArg(0));
        float negInf = (float) doubleArg(0);
        NativeFloats logits = NativeFloats.in(in[0]);
        int[] x0 = ExcludedColumn.ids(in[1], "x0");
        int[] xt = ExcludedColumn.ids(in[2], "xt");
        float[] weight = ExcludedColumn.floats(in[3], "weight");
        int width = (int) in[0].size(2);
        int perSequence = (int) in[0].size(1);
        float[] loss = new float[xt.length];
        KernelThreads.forRows(xt.length, 4L * width, (from, to) -> {
            float[] row = new float[width];
            for (int r = from; r < to; r++) {
                if (xt[r] != mask) {
                    continue;
                }
                int target = ExcludedColumn.column(x0[r], width, NAME, r);
                logits.get(r * width, row, 0, width);
                float z = target == mask ? row[target] + negInf : row[target];
                float m = ExcludedColumn.max(row, width, mask);
                float s = ExcludedColumn.expShifted(row, m, row, width, mask);
                float logp = (z - m) - (float) Math.log(s);
                loss[r] = -logp * weight[r / perSequence];
            }
        });
        NativeFloats.out(out[0]).putAll(loss);
    }

    /**
     * The gradient for the logits ({@link MaskedTokenNllBp}) and for the weight; zeros (of the ids'
     * type) for the two id inputs, which have none.
     */
    @Override
    public List<SDVariable> doDiff(List<SDVariable> grads) {
        SDVariable[] args = args();
        SDVariable[] bp = new MaskedTokenNllBp(sameDiff, args[0], args[1], args[2], args[3], grads.get(0),
                (int) longArg(0), doubleArg(0)).outputVariables();
        return List.of(bp[0], sameDiff.zerosLike(args[1]), sameDiff.zerosLike(args[2]), bp[1]);
    }
}
