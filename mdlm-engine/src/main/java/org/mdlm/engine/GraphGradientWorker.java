package org.mdlm.engine;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.autodiff.samediff.api.OutAndGrad;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Gradients of one {@link ModelGraph} in the calling thread: by the {@link LeanExecutor} over
 * SameDiff's gradient function when it supports the graph (and {@code -Dmdlm.executor=samediff} is
 * not set), else by {@code calculateGradientsAndOutputs}; both compute the same numbers
 * (LeanExecutorTest). The gradient function is built on the first call. Not thread-safe: a graph
 * belongs to one thread at a time.
 */
final class GraphGradientWorker implements GradientWorker {

    private final ModelGraph graph;
    private boolean ready;
    private LeanGradients lean;
    private LookupGradients lookups;

    GraphGradientWorker(ModelGraph graph) {
        this.graph = graph;
    }

    /** The graph whose gradients this worker computes. */
    ModelGraph graph() {
        return graph;
    }

    /** True once the lean executor runs this graph (known after the first call). */
    boolean lean() {
        return lean != null;
    }

    /** The graph's row lookups (after the first call). */
    LookupGradients lookups() {
        prepare();
        return lookups;
    }

    @Override
    public Result gradients(Map<String, INDArray> ph, Map<String, INDArray> weights) {
        Map<String, INDArray> own = graph.params();
        if (weights != own) {
            for (Map.Entry<String, INDArray> e : own.entrySet()) {
                INDArray w = weights.get(e.getKey());
                if (w != e.getValue()) {
                    e.getValue().assign(w);
                }
            }
        }
        prepare();
        double counted = ph.get(ModelGraph.COUNTED).sumNumber().doubleValue();
        if (lean != null) {
            TrainingState.LossAndGradients r = lean.run(ph);
            return new Result(r.loss(), counted, r.gradients());
        }
        SameDiff sd = graph.sameDiff();
        OutAndGrad og = sd.calculateGradientsAndOutputs(ph, List.of(ModelGraph.LOSS),
                lookups.differentiated(graph.paramNames()));
        Map<String, INDArray> grads = new LinkedHashMap<>(og.getGradients());
        lookups.fold(grads, ph);
        return new Result(og.getOutputs().get(ModelGraph.LOSS).getDouble(0), counted, grads);
    }

    private void prepare() {
        if (ready) {
            return;
        }
        SameDiff sd = graph.sameDiff();
        lookups = new LookupGradients(graph.feeds(), sd);
        lean = LeanGradients.prepare(sd, graph.paramNames(), ModelGraph.LOSS, lookups);
        ready = true;
    }

    /** Times every op of later calls into {@code profiler}. */
    void profile(OpProfiler profiler) {
        prepare();
        if (lean != null) {
            lean.setProfiler(profiler);
            return;
        }
        SameDiff sd = graph.sameDiff();
        sd.addListeners(profiler);
        SameDiff grad = sd.getFunction("grad");
        if (grad != null) {
            grad.addListeners(profiler);
        }
    }
}
