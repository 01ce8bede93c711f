package org.mdlm.engine;

import java.util.LinkedHashMap;
import java.util.Map;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * One shard's part of a data-parallel step's result: its loss and gradients multiplied by its share
 * of the batch's counted tokens, so that the batch's loss and gradients are the plain sums of the
 * contributions of all shards. A shard that counts no token contributes nothing and is skipped by
 * the sums (its loss is not a number).
 *
 * @param worker index of the shard's worker
 * @param weightedLoss the shard's mean loss times its share
 * @param counted tokens the shard counts
 * @param weightedGradients the shard's gradients times its share, by parameter name (empty when
 *                          {@code counted} is 0)
 */
public record ShardContribution(int worker, double weightedLoss, double counted,
                                Map<String, INDArray> weightedGradients) {

    /** True when the shard counts no token (it adds nothing to the batch's result). */
    public boolean isEmpty() {
        return counted == 0;
    }

    /** The contribution of a worker whose shard counts no token, or which got no shard. */
    public static ShardContribution empty(int worker) {
        return new ShardContribution(worker, 0.0, 0.0, Map.of());
    }

    /**
     * Weighs a shard's result by its share {@code r.counted() / batchCounted}: the one place where
     * shards are weighted, shared by the threads of a process and the executors of a cluster so that
     * both compute the same numbers.
     */
    static ShardContribution weigh(int worker, GradientWorker.Result r, double batchCounted) {
        if (r.counted() == 0) {
            return empty(worker);
        }
        double share = r.counted() / batchCounted;
        Map<String, INDArray> g = new LinkedHashMap<>();
        for (Map.Entry<String, INDArray> e : r.gradients().entrySet()) {
            g.put(e.getKey(), e.getValue().mul(share));
        }
        return new ShardContribution(worker, share * r.loss(), r.counted(), g);
    }
}
