package org.mdlm.engine;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The loss and parameter gradients of a model graph computed by a {@link LeanExecutor} over the
 * graph's SameDiff gradient function (which must exist: {@code createGradFunction()}).
 */
final class LeanGradients {

    private final LeanExecutor executor;
    private final Map<String, String> gradientNames;
    private final String loss;
    private final List<String> outputs;
    private final LookupGradients lookups;

    private LeanGradients(LeanExecutor executor, Map<String, String> gradientNames, String loss, List<String> outputs,
                          LookupGradients lookups) {
        this.executor = executor;
        this.gradientNames = gradientNames;
        this.loss = loss;
        this.outputs = outputs;
        this.lookups = lookups;
    }

    /**
     * The executor for {@code sd}'s gradient function, or null when it cannot run that graph.
     *
     * @param params the trainable variables
     * @param lookups the graph's row lookups: their placeholders are differentiated instead of their tables
     */
    static LeanGradients create(SameDiff sd, List<String> params, String loss, LookupGradients lookups) {
        SameDiff grad = sd.getFunction("grad");
        if (grad == null) {
            return null;
        }
        Map<String, String> names = new LinkedHashMap<>();
        List<String> outputs = new ArrayList<>();
        for (String p : lookups.differentiated(params)) {
            String g = sd.getVariable(p).getGradient().name();
            names.put(p, g);
            outputs.add(g);
        }
        outputs.add(loss);
        LeanExecutor executor = new LeanExecutor(grad, sd, outputs);
        return executor.supports() ? new LeanGradients(executor, names, loss, outputs, lookups) : null;
    }

    /**
     * Builds {@code sd}'s gradient function (silencing the line per op SameDiff prints) and returns
     * the lean executor for it, or null when the executor is switched off
     * ({@code -Dmdlm.executor=samediff}) or cannot run the graph.
     */
    static LeanGradients prepare(SameDiff sd, List<String> params, String loss, LookupGradients lookups) {
        StdoutSilencer.silenced(() -> {
            sd.createGradFunction(lookups.placeholders());
            return null;
        });
        return LeanExecutor.enabled() ? create(sd, params, loss, lookups) : null;
    }

    /** Times every op into {@code p} from now on. */
    void setProfiler(OpProfiler p) {
        executor.setProfiler(p);
    }

    /** Runs forward and backward on the placeholders {@code ph}; gradient arrays are reused by the next call. */
    TrainingState.LossAndGradients run(Map<String, INDArray> ph) {
        Map<String, INDArray> r = executor.run(ph, outputs);
        Map<String, INDArray> grads = new LinkedHashMap<>();
        for (Map.Entry<String, String> e : gradientNames.entrySet()) {
            grads.put(e.getKey(), r.get(e.getValue()));
        }
        lookups.fold(grads, ph);
        return new TrainingState.LossAndGradients(r.get(loss).getDouble(0), grads);
    }
}
