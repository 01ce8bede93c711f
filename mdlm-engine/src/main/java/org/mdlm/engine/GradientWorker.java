package org.mdlm.engine;

import java.util.Map;
import java.util.function.Supplier;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Something that computes the loss and the parameter gradients of a batch (or of a shard of one)
 * with the weights it was last given: a graph in this thread ({@link GraphGradientWorker}), a group
 * of them on worker threads ({@link DataParallelGradients}), or executors of a cluster (mdlm-spark,
 * which rebuilds each step's batch where it computes, from the step's index; see
 * {@link #stepGradients} and {@link ShardWorker}). A trainer is given one through
 * {@link GradientWorkers}.
 *
 * <p>The loss is the mean over the counted tokens of the placeholders given; a worker that sees no
 * counted token reports it through {@link Result#counted()} = 0 and its loss is meaningless.
 */
public interface GradientWorker extends AutoCloseable {

    /**
     * The loss and gradients of one batch or shard.
     *
     * @param placeholders the graph's placeholders for it (x0, xt, counted, feeds, ...), batch-major
     * @param weights the weights to use, by name; a worker holding these very arrays need not copy them
     */
    Result gradients(Map<String, INDArray> placeholders, Map<String, INDArray> weights);

    /**
     * The loss and gradients of training step {@code step} (0-based): the batch that step draws from
     * the run's seed ({@code TrainConfig.seed()}), whose placeholders {@code placeholders} computes on
     * first use. This is what the trainer calls. The default computes them and calls
     * {@link #gradients}; a worker that can rebuild the step's batch where it computes (a cluster's
     * executors, from (seed, step) and the corpus) overrides it and leaves the supplier alone, so the
     * driver neither builds nor ships the placeholders.
     *
     * @param step index of the optimizer step
     * @param placeholders the step's placeholders, computed on the first {@code get()} (memoised)
     * @param weights the weights to use, by name
     */
    default Result stepGradients(int step, Supplier<Map<String, INDArray>> placeholders,
                                 Map<String, INDArray> weights) {
        return gradients(placeholders.get(), weights);
    }

    /** Releases threads or connections; the default holds none. */
    @Override
    default void close() {
    }

    /**
     * What a worker returns.
     *
     * @param loss mean loss over the counted tokens
     * @param counted number of counted tokens
     * @param gradients gradient of {@code loss} by parameter name (arrays may be reused by the next call)
     */
    record Result(double loss, double counted, Map<String, INDArray> gradients) {
    }
}
