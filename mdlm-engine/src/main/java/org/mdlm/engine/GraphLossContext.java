package org.mdlm.engine;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.DoubleUnaryOperator;
import org.mdlm.api.domain.Vocabulary;
import org.mdlm.api.model.LossContext;
import org.mdlm.api.schedule.NoiseSchedule;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The engine's {@link LossContext}: the logits and token placeholders exist already; the per-sequence
 * inputs (t, sigma(t), dsigma(t), the objective's row inputs) become FLOAT [B] placeholders when the
 * objective first asks for them, and {@link #fill} feeds exactly those.
 */
final class GraphLossContext implements LossContext {

    static final String T = "route.t";
    static final String SIGMA_T = "route.sigma_t";
    static final String DSIGMA_T = "route.dsigma_t";
    static final String ROW_PREFIX = "route.row.";

    private final SameDiff sd;
    private final ModelGraph.LogitsHolder logits;
    private final SDVariable x0;
    private final SDVariable xt;
    private final ModelSpec spec;
    /** Declared FLOAT [B] placeholders by name, with how to compute them from a batch. */
    private final Map<String, RowSource> rows = new LinkedHashMap<>();

    /** How a declared per-sequence input is computed from one batch. */
    @FunctionalInterface
    private interface RowSource {
        double[] values(NoisyBatch batch);
    }

    GraphLossContext(SameDiff sd, ModelGraph.LogitsHolder logits, SDVariable x0, SDVariable xt, ModelSpec spec) {
        this.sd = sd;
        this.logits = logits;
        this.x0 = x0;
        this.xt = xt;
        this.spec = spec;
    }

    @Override
    public SDVariable logits() {
        if (logits.logits == null) {
            throw new IllegalStateException("the logits do not exist yet: the backbone has not been built");
        }
        return logits.logits;
    }

    @Override
    public SDVariable x0() {
        return x0;
    }

    @Override
    public SDVariable xt() {
        return xt;
    }

    @Override
    public SDVariable t() {
        return declare(T, NoisyBatch::t);
    }

    @Override
    public SDVariable sigma() {
        return declare(SIGMA_T, b -> map(b.t(), spec.schedule()::sigma));
    }

    @Override
    public SDVariable dsigma() {
        return declare(DSIGMA_T, b -> map(b.t(), spec.schedule()::dsigma));
    }

    @Override
    public SDVariable rowInput(String name) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a row input needs a name");
        }
        return declare(ROW_PREFIX + name, b -> {
            double[] v = b.corruption().rowValues().get(name);
            if (v == null) {
                throw new IllegalStateException("the objective's loss reads row input '" + name + "' but its corrupt() "
                        + "returned no such row value (it returned " + b.corruption().rowValues().keySet() + ")");
            }
            return v;
        });
    }

    @Override
    public Vocabulary vocabulary() {
        return spec.vocabulary();
    }

    @Override
    public NoiseSchedule schedule() {
        return spec.schedule();
    }

    /** Puts the value of every declared per-sequence input for {@code batch} into {@code ph}. */
    void fill(Map<String, INDArray> ph, NoisyBatch batch) {
        for (Map.Entry<String, RowSource> e : rows.entrySet()) {
            ph.put(e.getKey(), ModelGraph.floats(e.getValue().values(batch)));
        }
    }

    private SDVariable declare(String name, RowSource source) {
        if (!rows.containsKey(name)) {
            sd.placeHolder(name, DataType.FLOAT, -1);
            rows.put(name, source);
        }
        return sd.getVariable(name);
    }

    private static double[] map(double[] t, DoubleUnaryOperator f) {
        double[] out = new double[t.length];
        for (int i = 0; i < t.length; i++) {
            out[i] = f.applyAsDouble(t[i]);
        }
        return out;
    }
}
