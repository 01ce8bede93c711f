package org.mdlm.engine;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.autodiff.samediff.VariableType;
import org.nd4j.autodiff.samediff.api.OutAndGrad;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Gradient steps on any SameDiff graph with a scalar loss, for graphs the engine does not assemble
 * itself (e.g. a classifier on a backbone's features): the machinery of {@link Trainer}'s steps
 * (SameDiff's gradient function run op by op by the {@link LeanExecutor}, row lookups folded back
 * into their tables, global-norm clipping, AdamW with decoupled weight decay) without its data,
 * EMA, evaluation or checkpoints. The caller builds every placeholder value, the row lookups of
 * {@code feeds} included ({@link PlaceholderFeeds#fill}), before each call.
 *
 * <p>The trainable variables are the graph's variables; updates go to their live arrays.
 */
public final class GraphTrainer {

    private final SameDiff sd;
    private final String loss;
    private final List<String> paramNames;
    private final Map<String, INDArray> params;
    private final AdamW adam;
    private final double gradClip;
    private final LookupGradients lookups;
    private final GraphOutputs forward;
    private NativeMemoryGuard memory = NativeMemoryGuard.withOverhead(NativeMemoryGuard.DEFAULT_MAX_OVERHEAD);
    private boolean gradientReady;
    private LeanGradients lean;
    private int step;

    /**
     * Prepares training of {@code sd}'s variables; the gradient function is built on the first call.
     *
     * @param feeds the graph's extra placeholders (their row lookups are differentiated through)
     * @param loss name of the scalar loss variable
     * @param beta1 AdamW's first-moment decay, in [0, 1)
     * @param beta2 AdamW's second-moment decay, in [0, 1)
     * @param weightDecay AdamW's decoupled weight decay, &gt;= 0
     * @param gradClip the largest global gradient norm (0: no clipping)
     * @throws IllegalArgumentException for a missing loss variable, a graph without variables or
     *                                  an optimizer setting out of range
     */
    public GraphTrainer(SameDiff sd, PlaceholderFeeds feeds, String loss, double beta1, double beta2,
                        double weightDecay, double gradClip) {
        this.sd = Objects.requireNonNull(sd, "sd");
        this.loss = Objects.requireNonNull(loss, "loss");
        Objects.requireNonNull(feeds, "feeds");
        if (!sd.hasVariable(loss)) {
            throw new IllegalArgumentException("the graph has no loss variable '" + loss + "'");
        }
        if (!(beta1 >= 0 && beta1 < 1) || !(beta2 >= 0 && beta2 < 1)) {
            throw new IllegalArgumentException("beta1 and beta2 must be in [0, 1), got " + beta1 + " and " + beta2);
        }
        if (!(weightDecay >= 0) || !(gradClip >= 0)) {
            throw new IllegalArgumentException("weightDecay and gradClip must be >= 0, got " + weightDecay + " and "
                    + gradClip);
        }
        Map<String, INDArray> p = new TreeMap<>();
        for (SDVariable v : sd.variables()) {
            if (v.getVariableType() == VariableType.VARIABLE) {
                p.put(v.name(), sd.getArrForVarName(v.name()));
            }
        }
        if (p.isEmpty()) {
            throw new IllegalArgumentException("the graph has no trainable variables");
        }
        this.params = p;
        this.paramNames = List.copyOf(p.keySet());
        this.adam = new AdamW(beta1, beta2, weightDecay, params);
        this.gradClip = gradClip;
        this.lookups = new LookupGradients(feeds, sd);
        this.forward = new GraphOutputs(sd);
        sd.setLossVariables(loss);
    }

    /** Names of the trainable variables, sorted. */
    public List<String> paramNames() {
        return paramNames;
    }

    /** The live parameter arrays by name: writing into them changes the model. */
    public Map<String, INDArray> params() {
        return params;
    }

    /** Optimizer steps taken so far. */
    public int steps() {
        return step;
    }

    /**
     * The loss and the gradient of every parameter on the placeholder values {@code ph}, without
     * updating anything.
     *
     * @return the loss under the key {@code "loss"} (a scalar), then a copy of each parameter's gradient
     */
    public Map<String, INDArray> gradients(Map<String, INDArray> ph) {
        TrainingState.LossAndGradients og = run(ph);
        Map<String, INDArray> out = new LinkedHashMap<>();
        out.put("loss", Nd4j.scalar(og.loss()));
        for (String n : paramNames) {
            out.put(n, og.gradients().get(n).dup());
        }
        return out;
    }

    /**
     * One optimizer step at learning rate {@code lr} on the placeholder values {@code ph}: the
     * gradients, clipped to the global norm, then AdamW.
     *
     * @throws TrainingDivergedException before changing anything when the loss or the gradient norm is not finite
     */
    public StepOutcome step(Map<String, INDArray> ph, double lr) {
        TrainingState.LossAndGradients og = run(ph);
        double value = og.loss();
        if (!Double.isFinite(value)) {
            throw new TrainingDivergedException(step + 1, value, Double.NaN, lr);
        }
        adam.layout().gather(og.gradients(), adam.gradientSlots());
        double norm = GradientClipping.clipFlat(adam.flatGradients(), gradClip);
        if (!Double.isFinite(norm)) {
            throw new TrainingDivergedException(step + 1, value, norm, lr);
        }
        adam.stepGathered(params, lr);
        step++;
        memory.check();
        return new StepOutcome(step, value, lr, norm);
    }

    /**
     * Runs the forward graph for {@code names} (only the ops they depend on, so the loss's inputs
     * need not be fed) and returns copies of their values ({@link GraphOutputs}).
     */
    public Map<String, INDArray> outputs(Map<String, INDArray> ph, List<String> names) {
        return forward.run(ph, names);
    }

    private TrainingState.LossAndGradients run(Map<String, INDArray> ph) {
        if (!gradientReady) {
            lean = LeanGradients.prepare(sd, paramNames, loss, lookups);
            gradientReady = true;
            if (lean != null) {
                memory = NativeMemoryGuard.withOverhead(NativeMemoryGuard.LEAN_MAX_OVERHEAD);
            }
        }
        Map<String, INDArray> grads;
        double value;
        if (lean != null) {
            TrainingState.LossAndGradients og = lean.run(ph);
            grads = new TreeMap<>(og.gradients());
            value = og.loss();
        } else {
            OutAndGrad og = sd.calculateGradientsAndOutputs(ph, List.of(loss), lookups.differentiated(paramNames));
            grads = new TreeMap<>(og.getGradients());
            lookups.fold(grads, ph);
            value = og.getOutputs().get(loss).getDouble(0);
        }
        for (String n : paramNames) {
            if (grads.get(n) == null) {
                throw new IllegalStateException("no gradient for parameter '" + n + "'; is it connected to the loss '"
                        + loss + "'?");
            }
        }
        return new TrainingState.LossAndGradients(value, grads);
    }
}
