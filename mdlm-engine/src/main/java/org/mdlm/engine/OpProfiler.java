package org.mdlm.engine;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.nd4j.autodiff.listeners.At;
import org.nd4j.autodiff.listeners.BaseListener;
import org.nd4j.autodiff.listeners.Operation;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.autodiff.samediff.internal.SameDiffOp;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.OpContext;
import org.nd4j.linalg.dataset.api.MultiDataSet;

/**
 * A SameDiff listener that times every op execution (wall time between SameDiff's pre- and
 * post-execution callbacks, i.e. the native kernel plus its context set-up) and sums the times by
 * op type. Attach it with {@link SameDiff#addListeners}, or give it to the lean executor, which
 * times output-shape calculation, allocation and kernel together; it is not thread-safe.
 */
public final class OpProfiler extends BaseListener {

    /** Total time of one op type. */
    public record OpTime(String op, long calls, double totalMs) {
        /** Mean time per call in ms. */
        public double msPerCall() {
            return calls == 0 ? 0 : totalMs / calls;
        }
    }

    private final Map<String, long[]> totals = new HashMap<>();
    private long start;
    private boolean enabled = true;
    private final boolean byShape;

    /** Creates an enabled profiler with empty totals that groups by op type. */
    public OpProfiler() {
        this(false);
    }

    /** Creates an enabled profiler; {@code byShape} also groups by the shapes of the op's inputs. */
    public OpProfiler(boolean byShape) {
        this.byShape = byShape;
    }

    /** Starts or stops recording (e.g. off during warm-up). */
    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    /** Clears the totals. */
    public void reset() {
        totals.clear();
    }

    @Override
    public boolean isActive(Operation operation) {
        return true;
    }

    @Override
    public void preOpExecution(SameDiff sd, At at, SameDiffOp op, OpContext opContext) {
        start = System.nanoTime();
    }

    @Override
    public void opExecution(SameDiff sd, At at, MultiDataSet batch, SameDiffOp op, OpContext opContext,
                            INDArray[] outputs) {
        long dt = System.nanoTime() - start;
        record(op.getOp(), opContext == null ? null : opContext.getInputArrays().toArray(new INDArray[0]), dt);
    }

    /** Adds one execution of {@code op} on {@code inputs} (may be null) that took {@code nanos}. */
    void record(org.nd4j.autodiff.functions.DifferentialFunction op, INDArray[] inputs, long nanos) {
        if (!enabled) {
            return;
        }
        String key = op.getClass().getSimpleName();
        if (byShape && inputs != null) {
            StringBuilder b = new StringBuilder(key);
            for (INDArray in : inputs) {
                b.append(' ').append(in == null ? "null" : java.util.Arrays.toString(in.shape()));
            }
            key = b.toString();
        }
        long[] t = totals.computeIfAbsent(key, k -> new long[2]);
        t[0]++;
        t[1] += nanos;
    }

    /** Op types by total time, largest first, with totals divided by {@code runs} (per step). */
    public List<OpTime> table(int runs) {
        List<OpTime> out = new ArrayList<>();
        int r = Math.max(1, runs);
        for (Map.Entry<String, long[]> e : totals.entrySet()) {
            out.add(new OpTime(e.getKey(), e.getValue()[0] / r, e.getValue()[1] / 1e6 / r));
        }
        out.sort(Comparator.comparingDouble(OpTime::totalMs).reversed());
        return out;
    }
}
