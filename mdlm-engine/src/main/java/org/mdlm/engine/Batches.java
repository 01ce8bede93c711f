package org.mdlm.engine;

import java.util.SplittableRandom;
import org.mdlm.api.domain.TokenStream;
import org.mdlm.process.forward.AbsorbingProcess;
import org.mdlm.process.forward.AntitheticTimeSampler;

/**
 * Cuts crops from a token stream and runs the forward process on them. Every random number comes
 * from {@link Seeds}, so a batch is a pure function of (seed, step).
 */
final class Batches {

    private Batches() {
    }

    /** The training batch of optimizer step {@code step} (0-based). */
    static NoisyBatch train(ModelSpec spec, TrainConfig c, TokenStream stream, int step) {
        int[][] x0 = crops(spec, stream, c.batchSize(), c.seqLen(), Seeds.rng(c.seed(), step, Seeds.CROPS));
        double[] t = AntitheticTimeSampler.sample(c.batchSize(), c.samplingEps(), Seeds.rng(c.seed(), step, Seeds.TIMES));
        return noise(spec, x0, t, Seeds.rng(c.seed(), step, Seeds.MASKS));
    }

    /** {@code count} crops of {@code length} tokens at uniform random offsets. */
    static int[][] crops(ModelSpec spec, TokenStream stream, int count, int length, SplittableRandom rng) {
        long n = stream.length();
        if (n < length) {
            throw new IllegalArgumentException("the token stream has " + n + " tokens, fewer than seqLen " + length
                    + "; use a larger corpus or a smaller seqLen");
        }
        long span = n - length + 1;
        int[][] x0 = new int[count][length];
        for (int b = 0; b < count; b++) {
            long offset = rng.nextLong(span);
            stream.read(offset, x0[b], 0, length);
            checkTokens(spec, x0[b], offset);
        }
        return x0;
    }

    /** Masks {@code x0} at times {@code t} and computes what the graph needs. */
    static NoisyBatch noise(ModelSpec spec, int[][] x0, double[] t, SplittableRandom maskRng) {
        int[][] xt = AbsorbingProcess.mask(x0, t, spec.schedule(), spec.maskId(), maskRng);
        boolean timed = spec.backbone().timeConditioned();
        double[] sigma = new double[t.length];
        double[] weight = new double[t.length];
        for (int b = 0; b < t.length; b++) {
            sigma[b] = timed ? spec.schedule().sigma(t[b]) : 0.0;
            weight[b] = spec.parameterization().lossWeight(spec.schedule(), t[b]);
        }
        return new NoisyBatch(x0, xt, t, sigma, weight);
    }

    /** Fails clearly if a clean token is out of range or is the mask token. */
    static void checkTokens(ModelSpec spec, int[] tokens, long offset) {
        int v = spec.vocabSize();
        int mask = spec.maskId();
        for (int i = 0; i < tokens.length; i++) {
            int id = tokens[i];
            if (id < 0 || id >= v || id == mask) {
                throw new IllegalArgumentException("token id " + id + " at stream position " + (offset + i)
                        + " is not a clean token of the model (vocabSize " + v + ", maskId " + mask
                        + "); the domain's vocabulary and the model disagree");
            }
        }
    }
}
