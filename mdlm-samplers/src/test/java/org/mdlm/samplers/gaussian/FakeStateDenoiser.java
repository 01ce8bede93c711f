package org.mdlm.samplers.gaussian;

import java.util.Optional;
import java.util.function.IntToDoubleFunction;
import org.mdlm.api.model.Denoiser;
import org.mdlm.api.model.DenoiserOutput;
import org.mdlm.api.model.DenoiserOutputKind;
import org.mdlm.api.model.EmbeddingDiffusion;
import org.mdlm.api.model.EmbeddingStates;
import org.mdlm.api.schedule.NoiseSchedule;

/**
 * A continuous-state denoiser whose log-probabilities at every position are a fixed row; it records
 * the times of its calls and the states of its last call.
 */
final class FakeStateDenoiser implements Denoiser {

    static final int V = 6;
    static final int MASK = 5;
    static final int D = 3;

    final EmbeddingDiffusion process = new EmbeddingDiffusion() {
        @Override
        public int width() {
            return D;
        }

        @Override
        public double gamma(double t) {
            return -4.0 + 10.0 * t;
        }

        @Override
        public String embeddingsName() {
            return "e";
        }
    };
    final float[] table = new float[V * D];
    private final IntToDoubleFunction logp;
    int calls;
    double lastTime = Double.NaN;
    float[] lastStates;

    /** @param logp log p(v) of the row every position gets (the mask's is ignored) */
    FakeStateDenoiser(IntToDoubleFunction logp) {
        this.logp = logp;
        java.util.SplittableRandom rng = new java.util.SplittableRandom(3);
        for (int v = 0; v < V; v++) {
            double n = 0;
            double[] row = new double[D];
            for (int i = 0; i < D; i++) {
                row[i] = rng.nextGaussian();
                n += row[i] * row[i];
            }
            for (int i = 0; i < D; i++) {
                table[v * D + i] = (float) (row[i] / Math.sqrt(n));
            }
        }
    }

    @Override
    public DenoiserOutputKind kind() {
        return DenoiserOutputKind.STATE_CLEAN_LOG_PROBS;
    }

    @Override
    public int vocabSize() {
        return V;
    }

    @Override
    public int maskId() {
        return MASK;
    }

    @Override
    public boolean timeConditioned() {
        return true;
    }

    @Override
    public NoiseSchedule schedule() {
        throw new AssertionError("the plaid sampler reads the Gaussian process, not the masking schedule");
    }

    @Override
    public int trainedLength() {
        return 0;
    }

    @Override
    public DenoiserOutput evaluate(int[][] xt, double[] sigma) {
        throw new AssertionError("the plaid sampler calls evaluateState");
    }

    @Override
    public Optional<EmbeddingStates> embeddingStates() {
        return Optional.of(new EmbeddingStates(process, V, table));
    }

    @Override
    public DenoiserOutput evaluateState(float[] states, int batch, int length, double[] t) {
        calls++;
        lastTime = t[0];
        lastStates = states.clone();
        float[] out = new float[batch * length * V];
        for (int p = 0; p < batch * length; p++) {
            for (int v = 0; v < V; v++) {
                out[p * V + v] = (float) logp.applyAsDouble(v);
            }
        }
        return new DenoiserOutput(kind(), batch, length, V, out);
    }
}
