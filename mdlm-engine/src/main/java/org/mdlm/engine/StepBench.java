package org.mdlm.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.mdlm.api.domain.TokenStream;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Benchmark drivers for the training engine: times optimizer steps exactly as {@link Trainer}
 * performs them (no evaluation, no checkpoints) and forward passes of the inference graph,
 * optionally with a per-op {@link OpProfiler}.
 */
public final class StepBench {

    /**
     * Timings of a run.
     *
     * @param ms timed iterations in ms, in order (warm-up excluded)
     * @param buildMs time to build the graph (and initialise weights) in ms
     * @param firstMs time of the first iteration in ms (includes building the gradient function)
     * @param firstDoneAtMs wall-clock time (epoch ms) when the first iteration finished
     * @param profile op types by total time per timed iteration, empty unless profiled
     */
    public record Timings(List<Double> ms, double buildMs, double firstMs, long firstDoneAtMs,
                          List<OpProfiler.OpTime> profile) {
    }

    private StepBench() {
    }

    /**
     * Times {@code steps} training steps after {@code warmup} untimed ones.
     *
     * @param profile also record a per-op profile of the timed steps
     */
    public static Timings train(ModelSpec spec, TrainConfig config, TokenStream train, int warmup, int steps,
                                boolean profile) {
        long t0 = System.nanoTime();
        TrainingState state = new TrainingState(spec, config);
        double buildMs = (System.nanoTime() - t0) / 1e6;
        OpProfiler profiler = profile ? new OpProfiler(Boolean.getBoolean("mdlm.profile.shapes")) : null;
        List<Double> ms = new ArrayList<>();
        double first = Double.NaN;
        long firstDoneAt = 0;
        for (int i = 0; i < warmup + steps; i++) {
            if (profiler != null && i == warmup) {
                state.profile(profiler);
            }
            long s = System.nanoTime();
            state.advance(train);
            double dt = (System.nanoTime() - s) / 1e6;
            if (i == 0) {
                first = dt;
                firstDoneAt = System.currentTimeMillis();
            }
            if (i >= warmup) {
                ms.add(dt);
            }
        }
        return new Timings(ms, buildMs, first, firstDoneAt, profiler == null ? List.of() : profiler.table(steps));
    }

    /**
     * Times {@code runs} forward passes (log-probabilities of the inference graph, fresh weights from
     * {@code seed}) of a random batch [batch, length], after {@code warmup} untimed ones: unprofiled,
     * as {@link InferenceModel#evaluate} calls (what a sampler pays per network call); profiled, through
     * one executor.
     */
    public static Timings forward(ModelSpec spec, long seed, int batch, int length, int warmup, int runs,
                                  boolean profile) {
        return forward(spec, seed, batch, length, warmup, runs, profile, null);
    }

    /**
     * As {@link #forward(ModelSpec, long, int, int, int, int, boolean)}, timing the calls of {@code shared}
     * (built from the same spec and seed) when unprofiled, so that a caller which then samples with it
     * holds one model, not two.
     *
     * @param shared the model to time, or null to build one
     */
    public static Timings forward(ModelSpec spec, long seed, int batch, int length, int warmup, int runs,
                                  boolean profile, InferenceModel shared) {
        SplittableRandom rng = new SplittableRandom(seed);
        int[][] xt = new int[batch][length];
        for (int[] row : xt) {
            for (int j = 0; j < length; j++) {
                row[j] = rng.nextInt(spec.vocabSize());
            }
        }
        double[] sigma = new double[batch];
        long t0 = System.nanoTime();
        // Unprofiled, a pass is what a sampler's network call costs: InferenceModel.evaluate (both
        // cores through BatchHalves where it applies, and the copy into the Java table), timed on the
        // shared model without building a second one; profiled, the one executor's ops are timed.
        boolean timeShared = shared != null && !profile && shared.leanTokens();
        ModelGraph graph = timeShared ? null : ModelGraph.build(spec, false, false, seed);
        double buildMs = (System.nanoTime() - t0) / 1e6;
        Map<String, INDArray> ph = graph == null ? null : graph.inferencePlaceholders(xt, sigma, rng.split());
        OpProfiler profiler = profile ? new OpProfiler(Boolean.getBoolean("mdlm.profile.shapes")) : null;
        SameDiff sd = graph == null ? null : graph.sameDiff();
        LeanExecutor lean = graph == null ? null : InferenceModel.forwardExecutor(graph);
        InferenceModel model = timeShared ? shared
                : lean != null && !profile && graph.stateWidth() == 0 ? InferenceModel.untrained(spec, seed, length) : null;
        NativeMemoryGuard memory = new NativeMemoryGuard();
        List<Double> ms = new ArrayList<>();
        double first = Double.NaN;
        long firstDoneAt = 0;
        for (int i = 0; i < warmup + runs; i++) {
            if (profiler != null && i == warmup) {
                if (lean != null) {
                    lean.setProfiler(profiler);
                } else {
                    sd.addListeners(profiler);
                }
            }
            long s = System.nanoTime();
            if (model != null) {
                model.evaluate(xt, sigma);
            } else if (lean != null) {
                lean.run(ph, List.of(graph.outputName()));
            } else {
                sd.output(ph, graph.outputName());
            }
            double dt = (System.nanoTime() - s) / 1e6;
            memory.check();
            if (i == 0) {
                first = dt;
                firstDoneAt = System.currentTimeMillis();
            }
            if (i >= warmup) {
                ms.add(dt);
            }
        }
        return new Timings(ms, buildMs, first, firstDoneAt, profiler == null ? List.of() : profiler.table(runs));
    }
}
