package org.mdlm.engine;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.mdlm.api.domain.TokenStream;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * One shard of a data-parallel training step computed from the step's index alone, for workers
 * that do not share the trainer's memory (a cluster's executors): it draws the step's batch from
 * (seed, step) and the corpus exactly as the trainer does, computes the placeholders of the whole
 * batch with its own graph (so that dropout masks and other feeds equal those of a run with any
 * other number of workers), cuts them as the threads of a process do, and returns the shard's
 * loss and gradients weighted by its share of the batch's counted tokens. Computing it again
 * gives the same numbers, so a failed task can simply run again.
 *
 * <p>It builds its own graph: use one per thread (SameDiff graphs are not thread-safe). The cost of
 * drawing the whole batch's feeds is paid by every shard; it is small next to the shard's
 * gradients when feeds are cheap (no dropout, or small batches).
 */
public final class ShardWorker {

    private final ModelSpec spec;
    private final TrainConfig config;
    private final TokenStream train;
    private final ModelGraph graph;
    private final GraphGradientWorker worker;

    /**
     * Builds the worker's graph.
     *
     * @param spec the model
     * @param config the run's settings (seed, batch size, length, workers)
     * @param train the training corpus, read only between calls
     */
    public ShardWorker(ModelSpec spec, TrainConfig config, TokenStream train) {
        this.spec = Objects.requireNonNull(spec, "spec");
        this.config = Objects.requireNonNull(config, "config");
        this.train = Objects.requireNonNull(train, "train");
        this.graph = ModelGraph.build(spec, true, true, config.seed());
        this.worker = new GraphGradientWorker(graph);
    }

    /** Names of the model's parameters, sorted (the order of {@link #contribution}'s maps). */
    public List<String> parameterNames() {
        return graph.paramNames();
    }

    /**
     * The contribution of shard {@code worker} of {@code workers} to training step {@code step}.
     *
     * @param weights every parameter by name
     * @return the weighted loss and gradients; empty when this worker gets no rows or counts no token
     * @throws IllegalArgumentException if the weights do not fit the model or the worker index is out of range
     */
    public ShardContribution contribution(int step, int worker, int workers, Map<String, INDArray> weights) {
        if (workers < 1 || worker < 0 || worker >= workers) {
            throw new IllegalArgumentException("worker " + worker + " of " + workers + " does not exist");
        }
        graph.setParams(weights);
        NoisyBatch batch = Batches.train(spec, config, train, step);
        Map<String, INDArray> ph = graph.placeholders(batch, true, Seeds.rng(config.seed(), step, Seeds.FEEDS));
        int n = BatchShards.count(batch.batch(), workers);
        if (worker >= n) {
            return ShardContribution.empty(worker);
        }
        double batchCounted = 0;
        for (int w = 0; w < n; w++) {
            batchCounted += BatchShards.shard(Map.of(ModelGraph.COUNTED, ph.get(ModelGraph.COUNTED)), n, w)
                    .get(ModelGraph.COUNTED).sumNumber().doubleValue();
        }
        GradientWorker.Result r = this.worker.gradients(BatchShards.shard(ph, n, worker), graph.params());
        return ShardContribution.weigh(worker, r, batchCounted);
    }
}
