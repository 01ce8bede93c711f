package org.mdlm.engine;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.mdlm.api.model.Denoiser;
import org.mdlm.api.model.DenoiserOutput;
import org.mdlm.api.model.DenoiserOutputKind;
import org.mdlm.api.model.EmbeddingDiffusion;
import org.mdlm.api.model.EmbeddingStates;
import org.mdlm.api.schedule.NoiseSchedule;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A trained model as a {@link Denoiser}: the inference graph (training=false: no dropout) of a
 * {@link ModelSpec} holding the given weights. Calls are serialised (a SameDiff graph is not
 * thread-safe).
 */
public final class InferenceModel implements Denoiser {

    private final ModelGraph graph;
    private final ModelSpec spec;
    private final NativeMemoryGuard memory = new NativeMemoryGuard();
    private final LeanExecutor lean;
    private final int trainedLength;
    private BatchHalves halves;

    private InferenceModel(ModelGraph graph, int trainedLength) {
        this.graph = graph;
        this.spec = graph.spec();
        this.lean = forwardExecutor(graph);
        this.trainedLength = trainedLength;
    }

    /** A {@link LeanExecutor} for the denoiser output of {@code graph}, or null when disabled or unsupported. */
    static LeanExecutor forwardExecutor(ModelGraph graph) {
        if (!LeanExecutor.enabled()) {
            return null;
        }
        LeanExecutor e = new LeanExecutor(graph.sameDiff(), graph.sameDiff(), List.of(graph.outputName()));
        return e.supports() ? e : null;
    }

    /**
     * Builds the inference graph and loads {@code params} into it.
     *
     * @param params weights by name (e.g. {@link Checkpoint#emaParams()}); names and shapes must match
     * @throws IllegalArgumentException naming every missing, unexpected or misshapen parameter
     */
    public static InferenceModel create(ModelSpec spec, Map<String, INDArray> params) {
        return create(spec, params, 0);
    }

    /**
     * Builds the inference graph, loads {@code params} and records the length the model was trained on.
     *
     * @param trainedLength the training sequence length (0 when unknown)
     * @throws IllegalArgumentException naming every missing, unexpected or misshapen parameter
     */
    public static InferenceModel create(ModelSpec spec, Map<String, INDArray> params, int trainedLength) {
        if (trainedLength < 0) {
            throw new IllegalArgumentException("trainedLength must be >= 0, got " + trainedLength);
        }
        ModelGraph graph = ModelGraph.build(spec, false, false, 0L);
        graph.setParams(params);
        return new InferenceModel(graph, trainedLength);
    }

    /**
     * Builds the inference graph with freshly initialised (untrained) weights drawn from
     * {@code initSeed}, e.g. to time sampling without a trained model.
     *
     * @param trainedLength the sequence length to report as trained (0 when unknown)
     */
    public static InferenceModel untrained(ModelSpec spec, long initSeed, int trainedLength) {
        if (trainedLength < 0) {
            throw new IllegalArgumentException("trainedLength must be >= 0, got " + trainedLength);
        }
        return new InferenceModel(ModelGraph.build(spec, false, false, initSeed), trainedLength);
    }

    /**
     * Builds the model from a checkpoint's EMA weights, after checking that the checkpoint was
     * trained for this spec.
     *
     * @throws CheckpointException naming the file and what differs (description, vocabulary, mask id)
     */
    public static InferenceModel create(ModelSpec spec, Checkpoint checkpoint) {
        check(spec, checkpoint);
        try {
            return create(spec, checkpoint.emaParams(), checkpoint.config().seqLen());
        } catch (IllegalArgumentException e) {
            throw new CheckpointException("checkpoint " + checkpoint.file() + " does not fit: " + e.getMessage()
                    + "; use the preset and config the checkpoint was trained with", e);
        }
    }

    /**
     * Checks that {@code checkpoint} was trained for {@code spec}: the same model description (backbone,
     * objective, schedule, domain), vocabulary size and mask id.
     *
     * @throws CheckpointException naming the file and every difference
     */
    public static void check(ModelSpec spec, Checkpoint checkpoint) {
        StringBuilder diffs = new StringBuilder();
        if (!checkpoint.description().equals(spec.description())) {
            diffs.append("; its model is '").append(checkpoint.description()).append("' but this one is '")
                    .append(spec.description()).append('\'');
        }
        if (checkpoint.vocabSize() != spec.vocabSize() || checkpoint.maskId() != spec.maskId()) {
            diffs.append("; it has vocabSize ").append(checkpoint.vocabSize()).append(" and maskId ")
                    .append(checkpoint.maskId()).append(" but this model has ").append(spec.vocabSize())
                    .append(" and ").append(spec.maskId());
        }
        if (diffs.length() > 0) {
            throw new CheckpointException("checkpoint " + checkpoint.file() + " does not fit" + diffs
                    + "; use the preset and config the checkpoint was trained with");
        }
    }

    /** The spec this model was built from. */
    public ModelSpec spec() {
        return spec;
    }

    /** Whether calls run through the lean executor on token inputs (what {@link StepBench} times). */
    boolean leanTokens() {
        return lean != null && graph.stateWidth() == 0;
    }

    /** {@inheritDoc} */
    @Override
    public int vocabSize() {
        return spec.vocabSize();
    }

    /** {@inheritDoc} */
    @Override
    public int maskId() {
        return spec.maskId();
    }

    /** {@inheritDoc} */
    @Override
    public boolean timeConditioned() {
        return spec.backbone().timeConditioned();
    }

    /** {@inheritDoc} */
    @Override
    public DenoiserOutputKind kind() {
        return spec.objective().outputKind();
    }

    /** {@inheritDoc} */
    @Override
    public NoiseSchedule schedule() {
        return spec.schedule();
    }

    /** {@inheritDoc} 0 when the model was built without it. */
    @Override
    public int trainedLength() {
        return trainedLength;
    }

    /**
     * {@inheritDoc} The sigma values are replaced by zeros when the backbone is not time-conditioned.
     */
    @Override
    public synchronized DenoiserOutput evaluate(int[][] xt, double[] sigma) {
        if (graph.stateWidth() != 0) {
            throw new UnsupportedOperationException("this model (objective " + spec.objective()
                    + ") reads embedding-space states, not tokens: sample it with a sampler that reads "
                    + kind().label() + " (" + spec.objective().preferredSampler() + ")");
        }
        if (lean != null && BatchHalves.worthSplitting(xt.length)) {
            check(xt, sigma);
            if (halves == null) {
                halves = new BatchHalves(graph, lean);
            }
            return halves.evaluate(xt, sigma, kind());
        }
        return table(run(xt, sigma));
    }

    /** {@inheritDoc} */
    @Override
    public synchronized DenoiserOutput evaluateState(float[] states, int batch, int length, double[] t) {
        int width = graph.stateWidth();
        if (width == 0) {
            return Denoiser.super.evaluateState(states, batch, length, t);
        }
        if (batch < 1 || length < 1 || states == null || (long) batch * length * width != states.length) {
            throw new IllegalArgumentException("states of shape [" + batch + ", " + length + ", " + width + "] need "
                    + ((long) batch * length * width) + " values, got " + (states == null ? "null" : states.length));
        }
        if (t == null || t.length != batch) {
            throw new IllegalArgumentException("need one time per sequence: " + batch + " rows, "
                    + (t == null ? "null" : t.length + " times"));
        }
        for (double v : t) {
            if (!(v >= 0.0 && v <= 1.0)) {
                throw new IllegalArgumentException("times must lie in [0, 1], got " + v);
            }
        }
        INDArray state = Nd4j.createFromArray(states).reshape(batch, length, width);
        return table(execute(graph.statePlaceholders(state, t, Seeds.rng(0L, 0L, Seeds.INFER_FEEDS))));
    }

    /** {@inheritDoc} The table is computed from the current weights on every call. */
    @Override
    public synchronized Optional<EmbeddingStates> embeddingStates() {
        Optional<EmbeddingDiffusion> process = spec.objective().embeddingDiffusion();
        if (process.isEmpty()) {
            return Optional.empty();
        }
        String name = process.get().embeddingsName();
        INDArray table = graph.sameDiff().output(Map.of(), name).get(name);
        float[] values = table.castTo(DataType.FLOAT).dup('c').data().asFloat();
        return Optional.of(new EmbeddingStates(process.get(), spec.vocabSize(), values));
    }

    /** The output array as a {@link DenoiserOutput} (one copy into a Java array). */
    private DenoiserOutput table(INDArray out) {
        long[] shape = out.shape();
        float[] values = NativeTables.copy(out);
        return new DenoiserOutput(kind(), (int) shape[0], (int) shape[1], (int) shape[2], values);
    }

    /**
     * The denoiser output as an ND4J array [B, L, V] (a copy the caller owns).
     *
     * @throws IllegalArgumentException if rows differ in length, a token is out of range or sigma has
     *                                  the wrong length
     */
    public synchronized INDArray outputArray(int[][] xt, double[] sigma) {
        if (graph.stateWidth() != 0) {
            throw new UnsupportedOperationException("this model reads embedding-space states, not tokens");
        }
        INDArray out = run(xt, sigma);
        return lean != null ? out.dup() : out;
    }

    /** Runs the graph; with the lean executor the result is its live (reused) array, to be copied at once. */
    private INDArray run(int[][] xt, double[] sigma) {
        check(xt, sigma);
        return execute(graph.inferencePlaceholders(xt, sigma, Seeds.rng(0L, 0L, Seeds.INFER_FEEDS)));
    }

    /** The denoiser output for {@code ph}; with the lean executor its live (reused) array, to be copied at once. */
    private INDArray execute(Map<String, INDArray> ph) {
        String name = graph.outputName();
        if (lean != null) {
            return lean.run(ph, List.of(name)).get(name);
        }
        INDArray out = graph.sameDiff().output(ph, name).get(name);
        memory.check();
        return out;
    }

    private void check(int[][] xt, double[] sigma) {
        if (xt.length == 0) {
            throw new IllegalArgumentException("xt must hold at least one sequence");
        }
        if (sigma == null || sigma.length != xt.length) {
            throw new IllegalArgumentException("need one sigma per sequence: xt has " + xt.length + " rows, sigma "
                    + (sigma == null ? "null" : sigma.length + " entries"));
        }
        int len = xt[0].length;
        for (int b = 0; b < xt.length; b++) {
            if (xt[b].length != len || len == 0) {
                throw new IllegalArgumentException("all rows of xt must have the same positive length; row 0 has "
                        + len + ", row " + b + " has " + xt[b].length);
            }
            for (int id : xt[b]) {
                if (id < 0 || id >= spec.vocabSize()) {
                    throw new IllegalArgumentException("token id " + id + " in row " + b + " is outside [0, "
                            + spec.vocabSize() + ")");
                }
            }
        }
    }
}
