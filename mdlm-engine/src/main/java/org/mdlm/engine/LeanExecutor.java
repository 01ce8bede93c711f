package org.mdlm.engine;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.mdlm.api.kernels.JavaOp;
import org.mdlm.api.kernels.KernelThreads;
import org.nd4j.autodiff.functions.DifferentialFunction;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.autodiff.samediff.VariableType;
import org.nd4j.autodiff.samediff.internal.SameDiffOp;
import org.nd4j.autodiff.samediff.internal.Variable;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.DynamicCustomOp;
import org.nd4j.linalg.api.ops.Op;
import org.nd4j.linalg.api.ops.OpContext;
import org.nd4j.linalg.api.ops.ReduceOp;
import org.nd4j.linalg.api.shape.LongShapeDescriptor;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Runs a SameDiff graph without SameDiff's session: the ops that the requested outputs depend on
 * are put in a fixed topological order once, and each call executes them in that order with one
 * reused op context; output shapes are recomputed only when an input's shape changes or an input
 * is an integer tensor (whose values may decide a shape), and output arrays come from an
 * {@link ArrayPool}, so arrays are reused across calls and shared by ops whose results do not
 * live at the same time. The
 * graph itself (ops, arguments, constants, variables) is SameDiff's; only the scheduling and the
 * memory are ours. Op outputs are live arrays, overwritten by the next call.
 *
 * <p>Scope: straight-line graphs of custom and legacy (transform, scalar, pairwise, reduce) ops
 * with static reduce dimensions; no control flow. {@link #supports} checks this.
 */
final class LeanExecutor {

    private final SameDiff sd;
    private final SameDiff values;
    private final List<SameDiffOp> order = new ArrayList<>();
    private final Map<String, Slot> slots = new HashMap<>();
    private final Set<String> keep = new HashSet<>();
    private final List<List<String>> releaseAfter = new ArrayList<>();
    private final ArrayPool pool = new ArrayPool();
    private OpProfiler profiler;

    /**
     * @param sd graph holding the ops (e.g. a gradient function)
     * @param values graph whose variable arrays are the live parameters (the model graph)
     * @param outputs variables to compute
     */
    LeanExecutor(SameDiff sd, SameDiff values, List<String> outputs) {
        this.sd = sd;
        this.values = values;
        Set<String> done = new HashSet<>();
        for (String o : outputs) {
            visitVar(o, done);
        }
        keep.addAll(outputs);
        planReleases();
    }

    /** For each op, the op results that no later op reads (and that are not outputs): freed after it runs. */
    private void planReleases() {
        Map<String, Integer> last = new HashMap<>();
        for (int i = 0; i < order.size(); i++) {
            SameDiffOp op = order.get(i);
            for (String out : op.getOutputsOfOp()) {
                last.put(out, i);
            }
            if (op.getInputsToOp() != null) {
                for (String in : op.getInputsToOp()) {
                    if (last.containsKey(in)) {
                        last.put(in, i);
                    }
                }
            }
        }
        for (int i = 0; i < order.size(); i++) {
            releaseAfter.add(new ArrayList<>());
        }
        for (Map.Entry<String, Integer> e : last.entrySet()) {
            if (!keep.contains(e.getKey())) {
                releaseAfter.get(e.getValue()).add(e.getKey());
            }
        }
    }

    private void visitVar(String name, Set<String> done) {
        Map<String, Variable> vars = sd.getVariables();
        Variable v = vars.get(name);
        if (v == null) {
            throw new IllegalArgumentException("no variable " + name);
        }
        String opName = v.getOutputOfOp();
        if (opName == null || done.contains(opName)) {
            return;
        }
        done.add(opName);
        Map<String, SameDiffOp> ops = sd.getOps();
        SameDiffOp op = ops.get(opName);
        if (op.getInputsToOp() != null) {
            for (String in : op.getInputsToOp()) {
                visitVar(in, done);
            }
        }
        if (op.getControlDeps() != null) {
            for (String dep : op.getControlDeps()) {
                visitVar(dep, done);
            }
        }
        order.add(op);
    }

    /** False when the system property {@code mdlm.executor} is {@code samediff} (use SameDiff's session). */
    static boolean enabled() {
        return !"samediff".equalsIgnoreCase(System.getProperty("mdlm.executor", "lean"));
    }

    /**
     * Whether every op is of a kind this executor handles.
     *
     * @throws IllegalStateException if it does not and the graph holds a {@link JavaOp}, which
     *     SameDiff's own session (the fallback) cannot run
     */
    boolean supports() {
        boolean javaOps = order.stream().anyMatch(op -> op.getOp() instanceof JavaOp);
        boolean all = allSupported();
        if (!all && javaOps) {
            throw new IllegalStateException("this graph mixes Java kernels with ops only SameDiff's session can run "
                    + "(control flow); build it without the kernels: -Dmdlm.kernels=off");
        }
        return all;
    }

    private boolean allSupported() {
        for (SameDiffOp op : order) {
            DifferentialFunction df = op.getOp();
            if (df instanceof JavaOp) {
                continue; // ours, whatever its name (the name checks below are for libnd4j's control flow)
            }
            boolean ok = df instanceof DynamicCustomOp || (df instanceof Op && op.getOutputsOfOp().size() == 1
                    && !(df instanceof ReduceOp && op.getInputsToOp().size() > 1));
            String n = df.opName();
            if (!ok || n.contains("enter") || n.contains("exit") || n.contains("switch") || n.contains("merge")
                    || n.contains("while") || n.contains("create_view") || n.contains("assign")) {
                return false;
            }
        }
        return true;
    }

    /** Times every op into {@code p} from now on (null: stop). */
    void setProfiler(OpProfiler p) {
        this.profiler = p;
    }

    /** Number of arrays the executor holds (for tests). */
    int poolSize() {
        return pool.size();
    }

    /** Number of ops executed per call. */
    int size() {
        return order.size();
    }

    /** Executes the ops with {@code placeholders}; returns the values of {@code names} (live arrays). */
    Map<String, INDArray> run(Map<String, INDArray> placeholders, List<String> names) {
        Map<String, INDArray> env = new HashMap<>(placeholders);
        pool.reset();
        for (int k = 0; k < order.size(); k++) {
            SameDiffOp op = order.get(k);
            List<String> inNames = op.getInputsToOp() == null ? List.of() : op.getInputsToOp();
            INDArray[] ins = new INDArray[inNames.size()];
            for (int i = 0; i < ins.length; i++) {
                ins[i] = lookup(inNames.get(i), env);
            }
            long t0 = profiler == null ? 0 : System.nanoTime();
            INDArray[] outs = exec(op, ins);
            if (profiler != null) {
                profiler.record(op.getOp(), ins, System.nanoTime() - t0);
            }
            List<String> outNames = op.getOutputsOfOp();
            for (int i = 0; i < outNames.size(); i++) {
                env.put(outNames.get(i), outs[i]);
            }
            for (String dead : releaseAfter.get(k)) {
                pool.release(env.remove(dead));
            }
        }
        Map<String, INDArray> result = new HashMap<>();
        for (String n : names) {
            INDArray a = lookup(n, env);
            // Outputs that are not op results (a variable, a constant, a placeholder) are copied so
            // that callers may modify what they get.
            result.put(n, producedByOp(n) ? a : a.dup());
        }
        return result;
    }

    private boolean producedByOp(String name) {
        Map<String, Variable> vars = sd.getVariables();
        return vars.get(name).getOutputOfOp() != null;
    }

    private INDArray lookup(String name, Map<String, INDArray> env) {
        INDArray a = env.get(name);
        if (a != null) {
            return a;
        }
        VariableType t = sd.getVariable(name).getVariableType();
        if (t == VariableType.VARIABLE && values.hasVariable(name)) {
            a = values.getArrForVarName(name);
        } else if (t == VariableType.VARIABLE || t == VariableType.CONSTANT) {
            a = sd.getArrForVarName(name);
        }
        if (a == null) {
            throw new IllegalStateException("no value for " + name + " (" + t + ")");
        }
        env.put(name, a);
        return a;
    }

    /** Per-op state kept between calls: the op context and the outputs planned for some input shapes. */
    private static final class Slot {
        OpContext ctx;
        long[][] inShapes;
        DataType[] inTypes;
        List<LongShapeDescriptor> outShapes;
        int blasThreads = 1;
    }

    private INDArray[] exec(SameDiffOp op, INDArray[] ins) {
        DifferentialFunction df = op.getOp();
        Slot slot = slots.computeIfAbsent(op.getName(), k -> new Slot());
        boolean planned = samePlan(slot, ins);
        if (df instanceof JavaOp j) {
            if (!planned) {
                long[][] shapes = new long[ins.length][];
                for (int i = 0; i < ins.length; i++) {
                    shapes[i] = ins[i].shape();
                }
                plan(slot, ins, JavaOp.describe(j.outputShapes(shapes)));
                slot.blasThreads = GemmThreads.forWork(j.productWork(ins));
            }
            INDArray[] outs = take(slot.outShapes);
            GemmThreads.use(KernelThreads.pinned() ? 1 : slot.blasThreads);
            j.compute(ins, outs);
            return outs;
        }
        if (df instanceof DynamicCustomOp c) {
            if (slot.ctx == null) {
                slot.ctx = Nd4j.getExecutioner().buildContext();
                slot.ctx.setIArguments(c.iArgs());
                slot.ctx.setTArguments(c.tArgs());
                slot.ctx.setBArguments(c.bArgs());
                slot.ctx.setDArguments(c.dArgs());
            }
            slot.ctx.setInputArrays(ins);
            if (!planned) {
                plan(slot, ins, c.calculateOutputShape(slot.ctx));
                slot.blasThreads = GemmThreads.forOp(c, ins, slot.outShapes.get(0).getShape());
            }
            INDArray[] outs = take(slot.outShapes);
            slot.ctx.setOutputArrays(outs);
            // A data-parallel worker (or inference half) has one core: its products stay on one thread.
            GemmThreads.use(KernelThreads.pinned() ? 1 : slot.blasThreads);
            Nd4j.exec(c, slot.ctx);
            // libnd4j's context keeps a native handle for every array ever set on it, and each handle
            // keeps its buffer alive: without this, every fed array (dropout masks, batches) would
            // stay allocated for the life of the context (+5 MB of RSS per tiny step).
            slot.ctx.purge();
            return outs;
        }
        Op o = (Op) df;
        o.setX(ins[0]);
        o.setY(ins.length > 1 ? ins[1] : null);
        if (!planned) {
            plan(slot, ins, df.calculateOutputShape());
        }
        INDArray[] outs = take(slot.outShapes);
        o.setZ(outs[0]);
        Nd4j.getExecutioner().exec(o);
        return outs;
    }

    private INDArray[] take(List<LongShapeDescriptor> shapes) {
        INDArray[] outs = new INDArray[shapes.size()];
        for (int i = 0; i < outs.length; i++) {
            outs[i] = pool.take(shapes.get(i));
        }
        return outs;
    }

    /**
     * True when the outputs planned last time fit: every input is floating point (so no output
     * shape can depend on input values, as it does for reshape or fill with a shape tensor) with the
     * same shape and type as then.
     */
    private static boolean samePlan(Slot slot, INDArray[] ins) {
        if (slot.outShapes == null || slot.inShapes.length != ins.length) {
            return false;
        }
        for (int i = 0; i < ins.length; i++) {
            if (!ins[i].dataType().isFPType() || ins[i].dataType() != slot.inTypes[i]
                    || !Arrays.equals(ins[i].shape(), slot.inShapes[i])) {
                return false;
            }
        }
        return true;
    }

    private static void plan(Slot slot, INDArray[] ins, List<LongShapeDescriptor> shapes) {
        slot.outShapes = shapes;
        slot.inShapes = new long[ins.length][];
        slot.inTypes = new DataType[ins.length];
        for (int i = 0; i < ins.length; i++) {
            slot.inShapes[i] = ins[i].shape();
            slot.inTypes[i] = ins[i].dataType();
        }
    }
}
