package org.mdlm.backbones.caduceus;

import java.util.List;
import java.util.function.Function;
import org.mdlm.backbones.layers.ParamFactory;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;

/**
 * The variables of one scan direction of a mixer, under {@code <prefix>.} (Mamba's names and
 * PyTorch layouts, except the depthwise convolution's weight, stored [E, K] instead of [E, 1, K]):
 * {@code conv1d.weight} [E, K] and {@code conv1d.bias} [E], {@code x_proj.weight} [R + 2N, E],
 * {@code dt_proj.weight} [E, R] and {@code dt_proj.bias} [E], {@code A_log} [E, N], {@code D} [E].
 *
 * <p>Initial values as Mamba's: PyTorch's default uniform bounds for the convolution (1/sqrt(K))
 * and x_proj (1/sqrt(E)); dt_proj's weight uniform in ±1/sqrt(R); its bias the inverse softplus of
 * time steps log-uniform in [dt_min, dt_max] (floored at 1e-4); A_log[e, n] = log(n + 1) (S4D-real);
 * D = 1.
 */
record DirectionWeights(SDVariable convWeight, SDVariable convBias, SDVariable xProj, SDVariable dtWeight,
                        SDVariable dtBias, SDVariable aLog, SDVariable d) {

    private static final double DT_FLOOR = 1e-4;

    /** Creates the variables of one direction in Mamba's order. */
    static DirectionWeights create(ParamFactory params, String prefix, CaduceusConfig config) {
        int e = config.inner();
        int n = config.dState();
        int r = config.resolvedDtRank();
        int k = config.convKernel();
        double convBound = 1.0 / Math.sqrt(k);
        SDVariable convWeight = params.uniform(prefix + ".conv1d.weight", convBound, e, k);
        SDVariable convBias = params.uniform(prefix + ".conv1d.bias", convBound, e);
        SDVariable xProj = params.uniform(prefix + ".x_proj.weight", 1.0 / Math.sqrt(e), r + 2L * n, e);
        SDVariable dtWeight = params.uniform(prefix + ".dt_proj.weight", 1.0 / Math.sqrt(r), e, r);
        double logMin = Math.log(config.dtMin());
        double logMax = Math.log(config.dtMax());
        SDVariable dtBias = params.computed(prefix + ".dt_proj.bias", (i, rng) -> {
            double dt = Math.max(DT_FLOOR, Math.exp(logMin + rng.nextDouble() * (logMax - logMin)));
            return dt + Math.log(-Math.expm1(-dt));
        }, e);
        SDVariable aLog = params.computed(prefix + ".A_log", (i, rng) -> Math.log(i % n + 1), e, n);
        SDVariable d = params.ones(prefix + ".D", e);
        return new DirectionWeights(convWeight, convBias, xProj, dtWeight, dtBias, aLog, d);
    }

    /** One variable of every direction, stacked along a new leading axis [G, ...]. */
    static SDVariable stack(SameDiff sd, List<DirectionWeights> directions, Function<DirectionWeights, SDVariable> part) {
        SDVariable[] parts = new SDVariable[directions.size()];
        for (int i = 0; i < parts.length; i++) {
            parts[i] = sd.expandDims(part.apply(directions.get(i)), 0);
        }
        return parts.length == 1 ? parts[0] : sd.concat(0, parts);
    }
}
