package org.mdlm.backbones.caduceus;

import java.util.ArrayList;
import java.util.List;
import org.mdlm.backbones.layers.Activations;
import org.mdlm.backbones.layers.ParamFactory;
import org.mdlm.backbones.layers.Shapes;
import org.nd4j.autodiff.samediff.SDIndex;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;

/**
 * Caduceus's BiMamba mixer: a Mamba mixer over the sequence plus, when bidirectional, one over the
 * reversed sequence, the two sharing their in and out projections and their outputs added:
 * <pre>
 *   [x, z] = u W_inᵀ                                   (W_in [2E, D], shared)
 *   per direction g (g = 1 reads the sequence reversed):
 *     x_g = SiLU(causal depthwise conv(x))
 *     [dt, B, C] = x_g W_xᵀ;  Δ = softplus(dt W_dtᵀ + b_dt);  A = -exp(A_log)
 *     y_g = selective scan(Δ, A, x_g, B, C) + D ⊙ x_g
 *   out = ((y_0 + reverse(y_1)) ⊙ SiLU(z)) W_outᵀ       (W_out [D, E], shared)
 * </pre>
 * Reversal commutes with the position-wise projections and the gate, so gating the sum equals
 * Caduceus's sum of two gated, separately projected outputs. Both directions are computed at once
 * along a leading axis G of size 1 or 2.
 *
 * <p>Variables under {@code layers.<i>.mixer.}: {@code in_proj.weight}, {@code mamba_fwd.*} and
 * {@code mamba_rev.*} ({@link DirectionWeights}), {@code out_proj.weight}, initialised uniform in
 * ±1/sqrt(fan-in), the out projection divided by sqrt(layers) (Mamba's prenorm-residual rescaling).
 */
final class BiMambaMixer {

    private final SameDiff sd;
    private final CaduceusConfig config;
    private final SDVariable inProj;
    private final List<DirectionWeights> directions = new ArrayList<>();
    private final SDVariable outProj;

    /** Creates the variables {@code <prefix>.*} in Mamba's order. */
    BiMambaMixer(ParamFactory params, String prefix, CaduceusConfig config) {
        this.sd = params.sd();
        this.config = config;
        int d = config.dModel();
        int e = config.inner();
        inProj = params.uniform(prefix + ".in_proj.weight", 1.0 / Math.sqrt(d), 2L * e, d);
        directions.add(DirectionWeights.create(params, prefix + ".mamba_fwd", config));
        if (config.bidirectional()) {
            directions.add(DirectionWeights.create(params, prefix + ".mamba_rev", config));
        }
        outProj = params.uniform(prefix + ".out_proj.weight", 1.0 / Math.sqrt(e) / Math.sqrt(config.layers()), d, e);
    }

    /**
     * Applies the mixer.
     *
     * @param u normalised residual stream [S, L, D]
     * @param shapes the shapes of the trunk's sequences [S, L]
     * @param ones ones [G, S·L, 1]
     * @param scan the selective scan (shared by the layers)
     * @return [S, L, D]
     */
    SDVariable apply(SDVariable u, Shapes shapes, SDVariable ones, SelectiveScan scan) {
        int d = config.dModel();
        int e = config.inner();
        int n = config.dState();
        int r = config.resolvedDtRank();
        int g = directions.size();

        SDVariable xz = sd.mmul(sd.reshape(u, -1, d), inProj, false, true, false);       // [M, 2E]
        SDVariable x = shapes.toBatchLength(xz.get(SDIndex.all(), SDIndex.interval(0, e)), e);
        SDVariable z = xz.get(SDIndex.all(), SDIndex.interval(e, 2 * e));
        SDVariable along = sd.expandDims(x, 0);                                         // [1, S, L, E]
        if (g == 2) {
            along = sd.concat(0, along, sd.expandDims(sd.reverse(x, 1), 0));            // [2, S, L, E]
        }

        SDVariable conv = new CausalConv(sd, g, config.convKernel(), e).apply(along,
                stack(DirectionWeights::convWeight), stack(DirectionWeights::convBias), ones);
        SDVariable xc = Activations.silu(conv);                                         // [G, M, E]

        SDVariable projected = sd.mmul(xc, stack(DirectionWeights::xProj), false, true, false); // [G, M, R+2N]
        SDVariable dt = projected.get(SDIndex.all(), SDIndex.all(), SDIndex.interval(0, r));
        SDVariable b = projected.get(SDIndex.all(), SDIndex.all(), SDIndex.interval(r, r + n));
        SDVariable c = projected.get(SDIndex.all(), SDIndex.all(), SDIndex.interval(r + n, r + 2 * n));
        // dt W_dtᵀ + b_dt as one product: [dt, 1] [W_dt, b_dt]ᵀ (no broadcast add)
        SDVariable dtWithOne = sd.concat(2, dt, ones);
        SDVariable dtWeights = sd.concat(2, stack(DirectionWeights::dtWeight),
                sd.expandDims(stack(DirectionWeights::dtBias), 2));
        SDVariable delta = Activations.softplus(sd.mmul(dtWithOne, dtWeights, false, true, false)); // [G, M, E]
        SDVariable a = sd.math.exp(stack(DirectionWeights::aLog)).neg();                // [G, E, N]

        SDVariable y = scan.apply(delta, a, xc, b, c);
        y = y.add(xc.mul(sd.mmul(ones, sd.reshape(stack(DirectionWeights::d), g, 1, e))));

        SDVariable merged;
        if (g == 2) {
            SDVariable[] perDirection = sd.unstack(y, 0, 2);
            SDVariable reversed = sd.reverse(shapes.toBatchLength(perDirection[1], e), 1);
            merged = perDirection[0].add(sd.reshape(reversed, -1, e));
        } else {
            merged = sd.reshape(y, -1, e);
        }
        SDVariable gated = merged.mul(Activations.silu(z));
        return shapes.toBatchLength(sd.mmul(gated, outProj, false, true, false), d);
    }

    private SDVariable stack(java.util.function.Function<DirectionWeights, SDVariable> part) {
        return DirectionWeights.stack(sd, directions, part);
    }
}
