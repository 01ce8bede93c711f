package org.mdlm.engine;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Forward values of named variables of any SameDiff graph, run by the {@link LeanExecutor} (only
 * the ops the names depend on, arrays reused between calls) when it supports the graph and
 * {@code -Dmdlm.executor=samediff} is not set, else by SameDiff's own session. Not thread-safe.
 */
public final class GraphOutputs {

    private final SameDiff sd;
    private final Map<List<String>, LeanExecutor> executors = new HashMap<>();
    private final NativeMemoryGuard memory = new NativeMemoryGuard();

    /** Computes values of {@code sd}, whose variables hold the live weights. */
    public GraphOutputs(SameDiff sd) {
        this.sd = Objects.requireNonNull(sd, "sd");
    }

    /**
     * Runs the graph on the placeholder values {@code ph} (those the names depend on suffice).
     *
     * @return a copy of the value of each of {@code names}, in their order
     */
    public Map<String, INDArray> run(Map<String, INDArray> ph, List<String> names) {
        List<String> key = List.copyOf(names);
        LeanExecutor e = executors.computeIfAbsent(key, k -> {
            if (!LeanExecutor.enabled()) {
                return null;
            }
            LeanExecutor x = new LeanExecutor(sd, sd, k);
            return x.supports() ? x : null;
        });
        Map<String, INDArray> values = e != null ? e.run(ph, key) : sd.output(ph, key.toArray(String[]::new));
        Map<String, INDArray> out = new LinkedHashMap<>();
        for (String n : key) {
            out.put(n, values.get(n).dup());
        }
        memory.check();
        return out;
    }
}
