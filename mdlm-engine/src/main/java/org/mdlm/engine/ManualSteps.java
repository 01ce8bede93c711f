package org.mdlm.engine;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import org.mdlm.api.model.Corruption;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Training steps on batches the caller supplies, for custom loops and for checking the engine
 * against a reference: the same graph, gradients, clipping, AdamW (with the run's warm-up) and EMA
 * as {@link Trainer}, without its data, evaluation or checkpoints.
 */
public final class ManualSteps {

    private final ModelSpec spec;
    private final TrainingState state;

    /**
     * Builds the training graph.
     *
     * @param initialWeights weights to start from (names and shapes must match), or null for the
     *                       backbone's own initialisation from {@code config.seed()}
     * @throws IllegalArgumentException naming every missing, unexpected or misshapen parameter
     */
    public ManualSteps(ModelSpec spec, TrainConfig config, Map<String, INDArray> initialWeights) {
        this.spec = spec;
        this.state = new TrainingState(spec, config);
        if (initialWeights != null) {
            state.initialize(initialWeights, false);
        }
    }

    /**
     * The loss and gradients on one batch, without updating anything.
     *
     * @param x0 clean tokens [B][L]
     * @param corruption what the objective made of them (e.g. from {@code objective().corrupt})
     * @return the loss under key {@code "loss"} (a scalar) and a copy of every parameter's gradient
     */
    public Map<String, INDArray> gradients(int[][] x0, Corruption corruption) {
        TrainingState.LossAndGradients og = state.gradients(new NoisyBatch(x0, corruption));
        Map<String, INDArray> out = new LinkedHashMap<>();
        out.put("loss", Nd4j.scalar(og.loss()));
        new TreeMap<>(og.gradients()).forEach((k, v) -> {
            if (state.weights().containsKey(k)) {
                out.put(k, v.dup());
            }
        });
        return out;
    }

    /** One optimizer step on {@code x0} and {@code corruption}. */
    public StepOutcome step(int[][] x0, Corruption corruption) {
        return state.advance(new NoisyBatch(x0, corruption));
    }

    /** Copies of the current weights by name. */
    public Map<String, INDArray> weights() {
        return copies(state.weights());
    }

    /** Copies of the current EMA weights by name. */
    public Map<String, INDArray> emaWeights() {
        return copies(state.emaWeights());
    }

    /** The model being trained. */
    public ModelSpec spec() {
        return spec;
    }

    private static Map<String, INDArray> copies(Map<String, INDArray> live) {
        Map<String, INDArray> out = new TreeMap<>();
        live.forEach((k, v) -> out.put(k, v.dup()));
        return out;
    }
}
