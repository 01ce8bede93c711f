package org.mdlm.api.kernels;

import java.util.List;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The gradient of {@link ModulatedLayerNorm} from its input x [B, L, H], scale [B, 1, H], weight
 * [H] and the incoming gradient g [B, L, H]. With {@code xhat} the normalised x (mean and rstd
 * recomputed per position) and {@code gain = weight * (1 + scale)}: {@code dx = rstd * (d -
 * mean(d) - xhat * mean(d * xhat))} with {@code d = g * gain}; {@code dshift = sum_L g};
 * {@code dscale = weight * sum_L g * xhat}; {@code dweight = sum_B (1 + scale) * sum_L g * xhat}.
 * Outputs, in order: dx, dshift, dscale, dweight. The sums over positions are taken in float per
 * sequence, over sequences in double.
 */
public final class ModulatedLayerNormBp extends JavaOp {

    static final String NAME = "mdlm_modulated_layer_norm_bp";

    /** For SameDiff's deserialization only. */
    public ModulatedLayerNormBp() {
    }

    /**
     * @param sd the graph
     * @param x the forward's input [B, L, H]
     * @param scale the forward's scale [B, 1, H]
     * @param weight the forward's weight [H]
     * @param grad the gradient with respect to the output [B, L, H]
     * @param eps the forward's epsilon
     */
    public ModulatedLayerNormBp(SameDiff sd, SDVariable x, SDVariable scale, SDVariable weight, SDVariable grad,
                                double eps) {
        super(sd, new SDVariable[] {x, scale, weight, grad}, new long[0], new double[] {eps});
    }

    /** Sets epsilon, for running the op outside a graph ({@link #exec}); returns this op. */
    public ModulatedLayerNormBp withEps(double eps) {
        setArguments(new long[0], new double[] {eps});
        return this;
    }

    @Override
    public String opName() {
        return NAME;
    }

    @Override
    public int getNumOutputs() {
        return 4;
    }

    @Override
    public long[][] outputShapes(long[][] in) {
        SequenceShapes.sequence(NAME, "x", in[0]);
        SequenceShapes.perSequence(NAME, "scale", in[1], in[0]);
        SequenceShapes.perFeature(NAME, "weight", in[2], in[0]);
        SequenceShapes.same(NAME, "x", in[0], "gradient", in[3]);
        return new long[][] {in[0], in[1], in[1], in[2]};
    }

    @Override
    public void compute(INDArray[] in, INDArray[] out) {
        int b = (int) in[0].size(0);
        int l = (int) in[0].size(1);
        int h = (int) in[0].size(2);
        float eps = (float) doubleArg(0);
        NativeFloats x = NativeFloats.in(in[0]);
        float[] scale = NativeFloats.in(in[1]).toArray();
        float[] weight = NativeFloats.in(in[2]).toArray();
        NativeFloats g = NativeFloats.in(in[3]);
        float[] gain = ModulatedLayerNorm.gains(scale, weight, h);
        NativeFloats dx = NativeFloats.out(out[0]);
        BatchColumnSums sums = new BatchColumnSums(l, h, 2);
        KernelThreads.forRows(b * l, 16L * h, (from, to) -> {
            BatchColumnSums.Chunk chunk = sums.open(from, to);
            float[] xr = new float[h];
            float[] gr = new float[h];
            float[] d = new float[h];
            for (int r = from; r < to; r++) {
                x.get(r * h, xr, 0, h);
                g.get(r * h, gr, 0, h);
                chunk.row(r);
                LayerNormRows.backward(xr, gr, gain, (r / l) * h, h, eps, d, chunk.acc(0), chunk.acc(1));
                dx.put(r * h, d, 0, h);
            }
            chunk.close();
        });
        double[] gTotal = sums.total(0, b);
        double[] gxTotal = sums.total(1, b);
        float[] dShift = new float[b * h];
        float[] dScale = new float[b * h];
        double[] dWeight = new double[h];
        for (int j = 0; j < b * h; j++) {
            dShift[j] = (float) gTotal[j];
            dScale[j] = (float) (gxTotal[j] * weight[j % h]);
            dWeight[j % h] += (1.0 + scale[j]) * gxTotal[j];
        }
        float[] dWeightF = new float[h];
        for (int i = 0; i < h; i++) {
            dWeightF[i] = (float) dWeight[i];
        }
        NativeFloats.out(out[1]).putAll(dShift);
        NativeFloats.out(out[2]).putAll(dScale);
        NativeFloats.out(out[3]).putAll(dWeightF);
    }

    @Override
    public List<SDVariable> doDiff(List<SDVariable> grads) {
        throw new UnsupportedOperationException("second derivatives of " + opName() + " are not implemented");
    }
}
