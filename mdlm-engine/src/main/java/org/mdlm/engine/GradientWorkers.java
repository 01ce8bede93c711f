package org.mdlm.engine;

/**
 * Chooses what computes a run's gradients: given the run's model, its settings and the trainer's own
 * graph worker (which holds the live weights and runs in the trainer's thread), it returns the
 * {@link GradientWorker} the trainer calls once per step. {@link #threads()} is the default: the
 * own worker when {@code TrainConfig.workers()} is 1, else that many workers on as many threads of
 * this process. mdlm-spark supplies one whose executors compute the shards of each step.
 *
 * <p>The worker returned is closed when its run ends; the own worker must not be closed by it
 * unless it was returned as it is.
 */
@FunctionalInterface
public interface GradientWorkers {

    /**
     * The worker of one run.
     *
     * @param spec the model
     * @param config the run's settings ({@code workers()} says how many shards a step has)
     * @param own the trainer's graph in its own thread; a worker may use it as its first shard
     */
    GradientWorker create(ModelSpec spec, TrainConfig config, GradientWorker own);

    /**
     * Data parallelism in this process: {@code config.workers()} workers, worker 0 being {@code own}
     * and each other one a graph of its own on a thread of its own ({@code own} alone for 1).
     */
    static GradientWorkers threads() {
        return (spec, config, own) -> config.workers() == 1 ? own : new DataParallelGradients(own, config.workers(),
                w -> new GraphGradientWorker(ModelGraph.build(spec, true, true, config.seed())));
    }
}
