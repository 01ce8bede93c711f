package org.mdlm.api.kernels;

import java.util.List;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The gradient of {@link MaskedTokenNll} for the incoming gradient g [B, L] of its loss:
 * <pre>
 *   dlogits[b, l, :] = g[b, l] * weight[b] * (softmax_{v != mask}(logits[b, l, :]) - onehot(x0[b, l]))   where xt == mask
 *   dlogits[b, l, :] = 0                                                                                elsewhere
 *   dweight[b]       = sum_l g[b, l] * loss[b, l] / weight[b]   (the unweighted NLL, summed over masked positions)
 * </pre>
 * The mask column's softmax is 0 (so its gradient is 0 unless x0 is the mask). Each row's softmax
 * is recomputed from the logits: the forward keeps nothing of size [B, L, V].
 *
 * <p>Inputs: logits, x0, xt, weight (as the forward's), then g. Outputs: dlogits [B, L, V], dweight [B].
 */
public final class MaskedTokenNllBp extends JavaOp {

    static final String NAME = "mdlm_masked_token_nll_bp";

    /** For SameDiff's deserialization only. */
    public MaskedTokenNllBp() {
    }

    /**
     * @param sd the graph
     * @param logits the forward's logits [B, L, V]
     * @param x0 the forward's clean ids [B, L]
     * @param xt the forward's noisy ids [B, L]
     * @param weight the forward's weight [B]
     * @param grad the gradient with respect to the forward's loss [B, L]
     * @param maskId the forward's mask id
     * @param negInfinity the forward's stand-in for minus infinity
     */
    public MaskedTokenNllBp(SameDiff sd, SDVariable logits, SDVariable x0, SDVariable xt, SDVariable weight,
                            SDVariable grad, int maskId, double negInfinity) {
        super(sd, new SDVariable[] {logits, x0, xt, weight, grad}, new long[] {maskId}, new double[] {negInfinity});
    }

    /** Sets the settings, for running the op outside a graph ({@link #exec}); returns this op. */
    public MaskedTokenNllBp with(int maskId, double negInfinity) {
        setArguments(new long[] {maskId}, new double[] {negInfinity});
        return this;
    }

    @Override
    public String opName() {
        return NAME;
    }

    @Override
    public int getNumOutputs() {
        return 2;
    }

    @Override
    public long[][] outputShapes(long[][] in) {
        ExcludedColumn.checkShapes(NAME, in[0], in[1], in[2], in[4]);
        ExcludedColumn.checkRows(NAME, "weight", in[3], in[0][0]);
        return new long[][] {in[0], in[3]};
    }

    @Override
    public void compute(INDArray[] in, INDArray[] out) {
        int mask = Math.toIntExact(longArg(0));
        float negInf = (float) doubleArg(0);
        NativeFloats logits = NativeFloats.in(in[0]);
        int[] x0 = ExcludedColumn.ids(in[1], "x0");
        int[] xt = ExcludedColumn.ids(in[2], "xt");
        float[] weight = ExcludedColumn.floats(in[3], "weight");
        float[] g = ExcludedColumn.floats(in[4], "the loss gradient");
        NativeFloats dlogits = NativeFloats.out(out[0]);
        int width = (int) in[0].size(2);
        int perSequence = (int) in[0].size(1);
        float[] nllTimesG = new float[xt.length];
        KernelThreads.forRows(xt.length, 5L * width, (from, to) -> {
            float[] row = new float[width];
            float[] zeros = null;
            for (int r = from; r < to; r++) {
                if (xt[r] != mask) {
                    if (zeros == null) {
                        zeros = new float[width];
                    }
                    dlogits.put(r * width, zeros, 0, width);
                    continue;
                }
                int target = ExcludedColumn.column(x0[r], width, NAME, r);
                logits.get(r * width, row, 0, width);
                float z = target == mask ? row[target] + negInf : row[target];
                float m = ExcludedColumn.max(row, width, mask);
                float s = ExcludedColumn.expShifted(row, m, row, width, mask);
                float logs = (float) Math.log(s);
                nllTimesG[r] = -((z - m) - logs) * g[r];
                float coef = g[r] * weight[r / perSequence];
                float scale = coef / s;
                for (int i = 0; i < width; i++) {
                    row[i] *= scale;
                }
                row[target] -= coef;
                dlogits.put(r * width, row, 0, width);
            }
        });
        float[] dweight = new float[weight.length];
        for (int b = 0; b < weight.length; b++) {
            double sum = 0;
            for (int l = 0; l < perSequence; l++) {
                sum += nllTimesG[b * perSequence + l];
            }
            dweight[b] = (float) sum;
        }
        NativeFloats.out(out[1]).putAll(dweight);
    }

    @Override
    public List<SDVariable> doDiff(List<SDVariable> grads) {
        throw new UnsupportedOperationException("second derivatives of " + opName() + " are not implemented");
    }
}
