package org.mdlm.engine;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.mdlm.api.domain.TokenStream;
import org.mdlm.process.forward.AntitheticTimeSampler;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Validation NELBO in nats per token: {@code windows} evenly spaced windows of {@code seqLen} tokens
 * over the stream (the first at offset 0, the last ending at the stream's end), each repeated
 * {@code tSamples} times with antithetic times over those repeats and independent masks; the result is
 * the mean per-token loss over all {@code windows * tSamples * seqLen} tokens. No dropout. The same
 * seed gives the same number.
 */
public final class Evaluator {

    /** Sequences per graph call. */
    static final int CHUNK = 32;

    private Evaluator() {
    }

    /**
     * Evaluates {@code params} with the default smallest time {@code t >= 1e-3}.
     *
     * @see #natsPerToken(ModelSpec, Map, TokenStream, int, int, int, double, long)
     */
    public static double natsPerToken(ModelSpec spec, Map<String, INDArray> params, TokenStream valid,
                                      int seqLen, int windows, int tSamples, long seed) {
        return natsPerToken(spec, params, valid, seqLen, windows, tSamples, TrainConfig.defaults().samplingEps(), seed);
    }

    /**
     * Evaluates {@code params} (e.g. a checkpoint's EMA weights) on {@code valid}.
     *
     * @param samplingEps smallest diffusion time, in (0, 1)
     * @return NELBO in nats per token
     * @throws IllegalArgumentException if the weights do not fit the spec or the stream is shorter than seqLen
     */
    public static double natsPerToken(ModelSpec spec, Map<String, INDArray> params, TokenStream valid, int seqLen,
                                      int windows, int tSamples, double samplingEps, long seed) {
        return natsPerToken(spec, params, valid, seqLen, windows, tSamples, samplingEps, seed, EvalProgress.NONE);
    }

    /**
     * Evaluates {@code params} on {@code valid}, reporting progress after every chunk of sequences.
     *
     * @see #natsPerToken(ModelSpec, Map, TokenStream, int, int, int, double, long)
     */
    public static double natsPerToken(ModelSpec spec, Map<String, INDArray> params, TokenStream valid, int seqLen,
                                      int windows, int tSamples, double samplingEps, long seed, EvalProgress progress) {
        ModelGraph graph = ModelGraph.build(spec, false, true, seed);
        graph.setParams(params);
        return natsPerToken(graph, valid, seqLen, windows, tSamples, samplingEps, seed, progress);
    }

    /** Evaluates the weights currently in {@code graph} (built with training=false and a loss). */
    static double natsPerToken(ModelGraph graph, TokenStream valid, int seqLen, int windows, int tSamples,
                               double samplingEps, long seed, EvalProgress progress) {
        if (seqLen < 1 || windows < 1 || tSamples < 1) {
            throw new IllegalArgumentException("seqLen, windows and tSamples must be >= 1, got " + seqLen + ", "
                    + windows + ", " + tSamples);
        }
        ModelSpec spec = graph.spec();
        NoisyBatch all = rows(spec, valid, seqLen, windows, tSamples, samplingEps, seed);
        int n = all.batch();
        double total = 0.0;
        NativeMemoryGuard memory = new NativeMemoryGuard();
        String name = graph.tokenLossName();
        LeanExecutor lean = lossExecutor(graph);
        for (int start = 0, chunk = 0; start < n; start += CHUNK, chunk++) {
            int end = Math.min(n, start + CHUNK);
            NoisyBatch b = new NoisyBatch(Arrays.copyOfRange(all.x0(), start, end),
                    Arrays.copyOfRange(all.xt(), start, end), Arrays.copyOfRange(all.t(), start, end),
                    Arrays.copyOfRange(all.sigma(), start, end), Arrays.copyOfRange(all.weight(), start, end));
            Map<String, INDArray> ph = graph.placeholders(b, true, Seeds.rng(seed, chunk, Seeds.EVAL_FEEDS));
            INDArray tokLoss = lean != null ? lean.run(ph, List.of(name)).get(name)
                    : graph.sameDiff().output(ph, name).get(name);
            total += tokLoss.castTo(DataType.DOUBLE).sumNumber().doubleValue();
            memory.check();
            progress.onProgress(end, n);
        }
        return total / ((double) n * seqLen);
    }

    /**
     * A {@link LeanExecutor} for the per-token loss of {@code graph} (same numbers as SameDiff's
     * session, reused arrays), or null when disabled ({@code -Dmdlm.executor=samediff}) or unsupported.
     */
    private static LeanExecutor lossExecutor(ModelGraph graph) {
        if (!LeanExecutor.enabled()) {
            return null;
        }
        LeanExecutor e = new LeanExecutor(graph.sameDiff(), graph.sameDiff(), List.of(graph.tokenLossName()));
        return e.supports() ? e : null;
    }

    /** All noisy validation rows, window by window. */
    static NoisyBatch rows(ModelSpec spec, TokenStream valid, int seqLen, int windows, int tSamples,
                                   double eps, long seed) {
        long len = valid.length();
        if (len < seqLen) {
            throw new IllegalArgumentException("the validation stream has " + len + " tokens, fewer than seqLen "
                    + seqLen + "; use a larger validation split or a smaller seqLen");
        }
        int n = Math.multiplyExact(windows, tSamples);
        int[][] x0 = new int[n][];
        int[][] xt = new int[n][];
        double[] t = new double[n];
        double[] sigma = new double[n];
        double[] weight = new double[n];
        for (int w = 0; w < windows; w++) {
            long offset = windowOffset(len, seqLen, windows, w);
            int[] window = new int[seqLen];
            valid.read(offset, window, 0, seqLen);
            Batches.checkTokens(spec, window, offset);
            int[][] rep = new int[tSamples][];
            Arrays.fill(rep, window);
            double[] ts = AntitheticTimeSampler.sample(tSamples, eps, Seeds.rng(seed, w, Seeds.EVAL_TIMES));
            NoisyBatch b = Batches.noise(spec, rep, ts, Seeds.rng(seed, w, Seeds.EVAL_MASKS));
            int base = w * tSamples;
            System.arraycopy(b.x0(), 0, x0, base, tSamples);
            System.arraycopy(b.xt(), 0, xt, base, tSamples);
            System.arraycopy(b.t(), 0, t, base, tSamples);
            System.arraycopy(b.sigma(), 0, sigma, base, tSamples);
            System.arraycopy(b.weight(), 0, weight, base, tSamples);
        }
        return new NoisyBatch(x0, xt, t, sigma, weight);
    }

    /** Offset of window {@code w}: evenly spaced from 0 to {@code len - seqLen}. */
    static long windowOffset(long len, int seqLen, int windows, int w) {
        if (windows == 1) {
            return 0;
        }
        long span = len - seqLen;
        return Math.round((double) span * w / (windows - 1));
    }
}
