package org.mdlm.engine;

import java.util.OptionalInt;
import java.util.SplittableRandom;
import org.mdlm.api.domain.TokenStream;
import org.mdlm.api.model.Corruption;
import org.mdlm.api.model.RouteContext;

/**
 * Cuts crops from a token stream and hands them to the objective's route. Every random number comes
 * from {@link Seeds}, so a batch is a pure function of (seed, step).
 */
final class Batches {

    private Batches() {
    }

    /** The training batch of optimizer step {@code step} (0-based). */
    static NoisyBatch train(ModelSpec spec, TrainConfig c, TokenStream stream, int step) {
        int[][] x0 = crops(spec, stream, c.batchSize(), c.seqLen(), Seeds.rng(c.seed(), step, Seeds.CROPS));
        RouteContext route = spec.route(c.samplingEps());
        double[] t = spec.objective().drawTimes(c.batchSize(), route, Seeds.rng(c.seed(), step, Seeds.TIMES));
        return noise(spec, route, x0, t, Seeds.rng(c.seed(), step, Seeds.MASKS));
    }

    /**
     * {@code count} crops of {@code length} tokens where the stream puts them (uniform by default),
     * each transformed by the stream ({@link TokenStream#transformCrop}, nothing by default).
     */
    static int[][] crops(ModelSpec spec, TokenStream stream, int count, int length, SplittableRandom rng) {
        int[][] x0 = new int[count][length];
        for (int b = 0; b < count; b++) {
            long offset = stream.cropOffset(length, rng);
            stream.read(offset, x0[b], 0, length);
            stream.transformCrop(x0[b], rng);
            checkTokens(spec, x0[b], offset);
        }
        return x0;
    }

    /** Runs the objective's corruption of {@code x0} at times {@code t}. */
    static NoisyBatch noise(ModelSpec spec, RouteContext route, int[][] x0, double[] t, SplittableRandom rng) {
        Corruption c = spec.objective().corrupt(x0, valid(spec, x0), t, route, rng);
        if (c.xt().length != x0.length) {
            throw new IllegalStateException("objective " + spec.objective() + " returned " + c.xt().length
                    + " rows for " + x0.length);
        }
        return new NoisyBatch(x0, c);
    }

    /** Which positions hold real tokens: null (all of them) unless the vocabulary has a pad id. */
    static boolean[][] valid(ModelSpec spec, int[][] x0) {
        OptionalInt pad = spec.vocabulary().padId();
        if (pad.isEmpty()) {
            return null;
        }
        int p = pad.getAsInt();
        boolean[][] valid = new boolean[x0.length][];
        for (int b = 0; b < x0.length; b++) {
            valid[b] = new boolean[x0[b].length];
            for (int i = 0; i < x0[b].length; i++) {
                valid[b][i] = x0[b][i] != p;
            }
        }
        return valid;
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
