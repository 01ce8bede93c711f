package org.mdlm.engine;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Supplier;
import org.mdlm.api.domain.TokenStream;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.autodiff.samediff.api.OutAndGrad;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The mutable state of a run (training graph with its live weights, AdamW moments, EMA weights,
 * step counter) and one optimizer step.
 */
final class TrainingState {

    private final ModelSpec spec;
    private final TrainConfig config;
    private final ModelGraph graph;
    private final Map<String, INDArray> params;
    private final AdamW adam;
    private final Ema ema;
    private int step;
    private long trainTokens;
    private double lastValNats = Double.NaN;
    private final GraphGradientWorker mainWorker;
    private final GradientWorker worker;
    private boolean leanMemoryGuard;
    private NativeMemoryGuard memory = NativeMemoryGuard.withOverhead(NativeMemoryGuard.DEFAULT_MAX_OVERHEAD);

    /** A fresh run: weights initialised by the backbone from {@code config.seed()}; gradients on threads. */
    TrainingState(ModelSpec spec, TrainConfig config) {
        this(spec, config, GradientWorkers.threads());
    }

    /** A fresh run whose gradients {@code workers} computes. */
    TrainingState(ModelSpec spec, TrainConfig config, GradientWorkers workers) {
        this.spec = spec;
        this.config = config;
        this.graph = ModelGraph.build(spec, true, true, config.seed());
        this.params = graph.params();
        this.adam = new AdamW(config.beta1(), config.beta2(), config.weightDecay(), params);
        this.ema = new Ema(config.emaDecay(), params);
        this.mainWorker = new GraphGradientWorker(graph);
        this.worker = Objects.requireNonNull(workers.create(spec, config, mainWorker), "the gradient worker");
    }

    /** Releases the gradient worker's threads or connections (the trainer's own graph stays usable). */
    void closeWorkers() {
        if (worker != mainWorker) {
            worker.close();
        }
    }

    /**
     * Replaces the initial weights (and the EMA's starting copy) by {@code weights}: exactly, or, when
     * {@code partial}, by name where name and shape match (a fine-tune's start).
     *
     * @return the parameters that did not load (empty for an exact load)
     * @throws IllegalArgumentException when not partial and the names or shapes differ
     */
    List<String> initialize(Map<String, INDArray> weights, boolean partial) {
        List<String> missed;
        if (partial) {
            missed = graph.loadMatching(weights);
        } else {
            graph.setParams(weights);
            missed = List.of();
        }
        ema.restore(graph.params());
        return missed;
    }

    /** Continues from {@code c}, whose compatibility the caller has checked. */
    void restore(Checkpoint c) {
        graph.setParams(c.params());
        adam.restore(c.adamFirstMoments(), c.adamSecondMoments(), c.step());
        ema.restore(c.emaParams());
        step = c.step();
        trainTokens = c.trainTokens();
        lastValNats = c.valNatsPerToken();
    }

    ModelGraph graph() {
        return graph;
    }

    /** Optimizer steps completed so far (the index of the next one). */
    int completedSteps() {
        return step;
    }

    long trainTokens() {
        return trainTokens;
    }

    double lastValNats() {
        return lastValNats;
    }

    void setLastValNats(double v) {
        lastValNats = v;
    }

    /** EMA weights (live arrays). */
    Map<String, INDArray> emaWeights() {
        return ema.weights();
    }

    /**
     * Performs optimizer step {@link #completedSteps()} (0-based) on the batch that step determines.
     *
     * @throws TrainingDivergedException before touching any state if the loss or gradient is not finite
     */
    StepOutcome advance(TokenStream train) {
        int s = step;
        return advance(() -> Batches.train(spec, config, train, s), true);
    }

    /**
     * Performs optimizer step {@link #completedSteps()} on {@code batch}.
     *
     * @throws TrainingDivergedException before touching any state if the loss or gradient is not finite
     */
    StepOutcome advance(NoisyBatch batch) {
        return advance(() -> batch, false);
    }

    /**
     * @param stepBatch whether {@code batch} is the batch step {@link #completedSteps()} draws itself,
     *                  which a worker may then rebuild where it computes instead of receiving it
     */
    private StepOutcome advance(Supplier<NoisyBatch> batch, boolean stepBatch) {
        int s = step;
        Supplier<Map<String, INDArray>> ph = memoised(
                () -> graph.placeholders(batch.get(), true, Seeds.rng(config.seed(), s, Seeds.FEEDS)));
        LossAndGradients og = stepBatch ? stepGradients(ph) : gradients(ph.get());
        double loss = og.loss();
        double lr = WarmupSchedule.lrAt(config.lr(), config.warmupSteps(), step);
        if (!Double.isFinite(loss)) {
            throw new TrainingDivergedException(step + 1, loss, Double.NaN, lr);
        }
        Map<String, INDArray> grads = new TreeMap<>(og.gradients());
        for (String n : graph.paramNames()) {
            if (grads.get(n) == null) {
                throw new IllegalStateException("SameDiff returned no gradient for parameter '" + n
                        + "'; is it connected to the loss?");
            }
        }
        // Fused path: gradients, moments, EMA and a copy of the weights live in flat buffers, so
        // clipping, AdamW and the EMA are whole-buffer ops (same numbers: OptimizerMathTest).
        adam.layout().gather(grads, adam.gradientSlots());
        double norm = GradientClipping.clipFlat(adam.flatGradients(), config.gradClip());
        if (!Double.isFinite(norm)) {
            throw new TrainingDivergedException(step + 1, loss, norm, lr);
        }
        adam.stepGathered(params, lr, config.lazyEmbeddings() ? mainWorker.lookups().touchedRows(ph.get()) : Map.of());
        ema.updateFlat(adam.flatParams(), step + 1L);
        step++;
        trainTokens += config.tokensPerStep();
        memory.check();
        return new StepOutcome(step, loss, lr, norm);
    }

    /** The loss and the gradients by parameter name (arrays may be reused by the next step). */
    record LossAndGradients(double loss, Map<String, INDArray> gradients) {
    }

    /**
     * Loss and gradients of one batch: by the {@link LeanExecutor} over SameDiff's gradient function
     * when it supports the graph and {@code -Dmdlm.executor=samediff} is not set, else by
     * {@code calculateGradientsAndOutputs}. Both compute the same numbers (LeanExecutorTest).
     */
    LossAndGradients gradients(NoisyBatch batch) {
        return gradients(graph.placeholders(batch, true, Seeds.rng(config.seed(), step, Seeds.FEEDS)));
    }

    /** The live EMA-free training weights by name (updating them in place updates the model). */
    Map<String, INDArray> weights() {
        return params;
    }

    LossAndGradients gradients(Map<String, INDArray> ph) {
        return afterGradients(worker.gradients(ph, params));
    }

    private LossAndGradients stepGradients(Supplier<Map<String, INDArray>> ph) {
        return afterGradients(worker.stepGradients(step, ph, params));
    }

    private LossAndGradients afterGradients(GradientWorker.Result r) {
        if (mainWorker.lean() && !leanMemoryGuard) {
            memory = NativeMemoryGuard.withOverhead(NativeMemoryGuard.LEAN_MAX_OVERHEAD);
            leanMemoryGuard = true;
        }
        return new LossAndGradients(r.loss(), r.gradients());
    }

    private static <T> Supplier<T> memoised(Supplier<T> compute) {
        Object[] value = new Object[1];
        return () -> {
            if (value[0] == null) {
                value[0] = compute.get();
            }
            @SuppressWarnings("unchecked")
            T t = (T) value[0];
            return t;
        };
    }

    /** Times every op of later steps (of worker 0, with several workers) into {@code profiler}. */
    void profile(OpProfiler profiler) {
        mainWorker.profile(profiler);
    }

    /** A checkpoint of the current state, to be written to {@code file} at once (it shares live arrays). */
    Checkpoint snapshot(Path file, Map<String, String> attachments) {
        return new Checkpoint(file, step, spec.description(), spec.vocabSize(), spec.maskId(), trainTokens,
                lastValNats, config, params, ema.weights(), adam.firstMoments(), adam.secondMoments(), attachments);
    }
}
