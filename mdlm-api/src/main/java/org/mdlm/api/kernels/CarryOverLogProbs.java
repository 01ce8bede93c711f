package org.mdlm.api.kernels;

import java.util.Arrays;
import java.util.List;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * log p(x0 | xt) for sampling from an absorbing-state model with zero masking probability and
 * carry-over (the SUBS denoiser output of MDLM), in one pass per row; forward only (samplers do not
 * differentiate it).
 *
 * <p>Inputs: logits [B, L, V] (float32), xt [B, L] (integer ids). Settings: the mask id (integer
 * argument 0) and the finite stand-in for minus infinity {@code negInf} (floating argument 0).
 * Output [B, L, V], the values of the composed graph:
 * <ul>
 *   <li>where {@code xt == mask}: the log-softmax of the logits with {@code negInf} added to the mask
 *       column, i.e. {@code logits[v] - logsumexp_{u != mask} logits[u]} for {@code v != mask} and
 *       {@code logits[mask] + negInf - logsumexp} (about {@code negInf}) in the mask column;</li>
 *   <li>elsewhere (carry-over): exactly 0 at {@code xt} and {@code negInf} in every other column (a
 *       row whose id is outside [0, V) is {@code negInf} throughout).</li>
 * </ul>
 */
public final class CarryOverLogProbs extends JavaOp {

    static final String NAME = "mdlm_carry_over_log_probs";

    /** For SameDiff's deserialization only. */
    public CarryOverLogProbs() {
    }

    /**
     * @param sd the graph
     * @param logits raw scores [B, L, V], float32
     * @param xt noisy token ids [B, L], any integer type
     * @param maskId the mask token
     * @param negInfinity the finite stand-in for minus infinity
     */
    public CarryOverLogProbs(SameDiff sd, SDVariable logits, SDVariable xt, int maskId, double negInfinity) {
        super(sd, new SDVariable[] {logits, xt}, new long[] {maskId}, new double[] {negInfinity});
    }

    /** Sets the settings, for running the op outside a graph ({@link #exec}); returns this op. */
    public CarryOverLogProbs with(int maskId, double negInfinity) {
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
        ExcludedColumn.checkShapes(NAME, in[0], in[1]);
        return new long[][] {in[0]};
    }

    @Override
    public void compute(INDArray[] in, INDArray[] out) {
        int mask = Math.toIntExact(longArg(0));
        float negInf = (float) doubleArg(0);
        NativeFloats logits = NativeFloats.in(in[0]);
        int[] xt = ExcludedColumn.ids(in[1], "xt");
        NativeFloats y = NativeFloats.out(out[0]);
        int width = (int) in[0].size(2);
        boolean maskInRow = mask >= 0 && mask < width;
        KernelThreads.forRows(xt.length, 4L * width, (from, to) -> {
            float[] row = new float[width];
            float[] scratch = new float[width];
            float[] carried = null;
            for (int r = from; r < to; r++) {
                if (xt[r] != mask) {
                    if (carried == null) {
                        carried = new float[width];
                        Arrays.fill(carried, negInf);
                    }
                    int id = xt[r];
                    boolean inside = id >= 0 && id < width;
                    if (inside) {
                        carried[id] = 0f;
                    }
                    y.put(r * width, carried, 0, width);
                    if (inside) {
                        carried[id] = negInf;
                    }
                    continue;
                }
                logits.get(r * width, row, 0, width);
                float maskLogit = maskInRow ? row[mask] + negInf : 0f;
                float m = ExcludedColumn.max(row, width, mask);
                float logs = (float) Math.log(ExcludedColumn.expShifted(row, m, scratch, width, mask));
                for (int i = 0; i < width; i++) {
                    row[i] = (row[i] - m) - logs;
                }
                if (maskInRow) {
                    row[mask] = (maskLogit - m) - logs;
                }
                y.put(r * width, row, 0, width);
            }
        });
    }

    @Override
    public List<SDVariable> doDiff(List<SDVariable> grads) {
        throw new UnsupportedOperationException(opName() + " is for sampling and has no gradient; train with "
                + MaskedTokenNll.class.getSimpleName() + " (or build the graph with -Dmdlm.kernels=off)");
    }
}
