package org.mdlm.api.kernels;

import java.util.Arrays;
import java.util.List;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * LayerNorm with adaLN modulation, the DiT's pre-norm, in one pass per position:
 * {@code y = (x - mean) / sqrt(var + eps) * weight * (1 + scale) + shift}, mean and (biased)
 * variance over the last axis of x [B, L, H], shift and scale [B, 1, H] per sequence, weight [H].
 * The backward is {@link ModulatedLayerNormBp}, which recomputes mean and variance from x.
 */
public final class ModulatedLayerNorm extends JavaOp {

    static final String NAME = "mdlm_modulated_layer_norm";

    /** For SameDiff's deserialization only. */
    public ModulatedLayerNorm() {
    }

    /**
     * @param sd the graph
     * @param x input [B, L, H]
     * @param shift added after the scaling [B, 1, H]
     * @param scale the gain is multiplied by {@code 1 + scale} [B, 1, H]
     * @param weight LayerNorm gain [H]
     * @param eps added to the variance
     */
    public ModulatedLayerNorm(SameDiff sd, SDVariable x, SDVariable shift, SDVariable scale, SDVariable weight,
                              double eps) {
        super(sd, new SDVariable[] {x, shift, scale, weight}, new long[0], new double[] {eps});
    }

    /** Sets epsilon, for running the op outside a graph ({@link #exec}); returns this op. */
    public ModulatedLayerNorm withEps(double eps) {
        setArguments(new long[0], new double[] {eps});
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
        SequenceShapes.sequence(NAME, "x", in[0]);
        SequenceShapes.perSequence(NAME, "shift", in[1], in[0]);
        SequenceShapes.perSequence(NAME, "scale", in[2], in[0]);
        SequenceShapes.perFeature(NAME, "weight", in[3], in[0]);
        return new long[][] {in[0]};
    }

    @Override
    public void compute(INDArray[] in, INDArray[] out) {
        int l = (int) in[0].size(1);
        int h = (int) in[0].size(2);
        int rows = (int) in[0].size(0) * l;
        float eps = (float) doubleArg(0);
        NativeFloats x = NativeFloats.in(in[0]);
        float[] shift = NativeFloats.in(in[1]).toArray();
        float[] gain = gains(NativeFloats.in(in[2]).toArray(), NativeFloats.in(in[3]).toArray(), h);
        NativeFloats y = NativeFloats.out(out[0]);
        KernelThreads.forRows(rows, 8L * h, (from, to) -> {
            float[] row = new float[h];
            for (int r = from; r < to; r++) {
                x.get(r * h, row, 0, h);
                LayerNormRows.forward(row, gain, shift, (r / l) * h, h, eps, row);
                y.put(r * h, row, 0, h);
            }
        });
    }

    /** The per-sequence gains {@code (1 + scale) * weight}, [B * H] row-major. */
    static float[] gains(float[] scale, float[] weight, int h) {
        float[] g = new float[scale.length];
        for (int j = 0; j < g.length; j++) {
            g[j] = (scale[j] + 1f) * weight[j % h];
        }
        return g;
    }

    @Override
    public List<SDVariable> doDiff(List<SDVariable> grads) {
        SDVariable[] in = args();
        return Arrays.asList(new ModulatedLayerNormBp(sameDiff, in[0], in[2], in[3], grads.get(0), doubleArg(0))
                .outputVariables());
    }
}
