package org.mdlm.engine;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.mdlm.api.domain.TokenStream;
import org.mdlm.api.model.Corruption;
import org.mdlm.api.model.RouteContext;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Evaluates a model on a split through its objective's own route (the same one training uses):
 * each window of an {@link EvalRequest} is repeated for {@code tSamples} times drawn by the objective
 * (antithetic over the repeats) with independent corruptions; the result is the loss summed over
 * every counted token divided by their number, with its standard error over windows. No dropout.
 * The same request gives the same number.
 */
public final class Evaluator {

    /** Sequences per graph call. */
    static final int CHUNK = 32;

    private Evaluator() {
    }

    /**
     * Evaluates {@code params} (e.g. a checkpoint's EMA weights) on {@code split}.
     *
     * @throws IllegalArgumentException if the weights do not fit the spec or the split is shorter than seqLen
     */
    public static EvalResult evaluate(ModelSpec spec, Map<String, INDArray> params, TokenStream split,
                                      EvalRequest request, EvalProgress progress) {
        ModelGraph graph = ModelGraph.build(spec, false, true, request.seed());
        graph.setParams(params);
        return evaluate(graph, split, request, progress);
    }

    /** Evaluates the weights currently in {@code graph} (built with training=false and a loss). */
    static EvalResult evaluate(ModelGraph graph, TokenStream split, EvalRequest request, EvalProgress progress) {
        ModelSpec spec = graph.spec();
        int windows = request.windowCount(split.length());
        int reps = spec.objective().drawsNoise() ? request.tSamples() : 1;
        NoisyBatch all = rows(spec, split, request, windows, reps);
        int n = all.batch();
        double[] rowLoss = new double[n];
        long[] rowCount = new long[n];
        NativeMemoryGuard memory = new NativeMemoryGuard();
        String name = graph.tokenLossName();
        LeanExecutor lean = lossExecutor(graph);
        for (int start = 0, chunk = 0; start < n; start += CHUNK, chunk++) {
            int end = Math.min(n, start + CHUNK);
            NoisyBatch b = all.rows(start, end);
            Map<String, INDArray> ph = graph.placeholders(b, true, Seeds.rng(request.seed(), chunk, Seeds.EVAL_FEEDS));
            INDArray tokLoss = lean != null ? lean.run(ph, List.of(name)).get(name)
                    : graph.sameDiff().output(ph, name).get(name);
            double[][] rows = tokLoss.castTo(DataType.DOUBLE).toDoubleMatrix();
            for (int r = 0; r < rows.length; r++) {
                rowLoss[start + r] = Arrays.stream(rows[r]).sum();
                rowCount[start + r] = countedTokens(b, r);
            }
            memory.check();
            progress.onProgress(end, n);
        }
        return summarize(rowLoss, rowCount, windows, reps, spec.objective().exactLikelihood());
    }

    /** Mean per counted token and the ratio estimator's standard error over windows. */
    static EvalResult summarize(double[] rowLoss, long[] rowCount, int windows, int reps, boolean exact) {
        double[] s = new double[windows];
        double[] c = new double[windows];
        double total = 0;
        long tokens = 0;
        for (int i = 0; i < rowLoss.length; i++) {
            s[i / reps] += rowLoss[i];
            c[i / reps] += rowCount[i];
            total += rowLoss[i];
            tokens += rowCount[i];
        }
        if (tokens == 0) {
            throw new IllegalArgumentException("no token of the split counts in the loss (all padding?)");
        }
        double mean = total / tokens;
        double se = Double.NaN;
        if (windows > 1) {
            double meanCount = (double) tokens / windows;
            double sq = 0;
            for (int w = 0; w < windows; w++) {
                double d = s[w] - mean * c[w];
                sq += d * d;
            }
            se = Math.sqrt(sq / ((double) windows * (windows - 1))) / meanCount;
        }
        return new EvalResult(mean, se, windows, rowLoss.length, tokens, exact);
    }

    private static long countedTokens(NoisyBatch b, int r) {
        boolean[][] counted = b.corruption().counted();
        if (counted == null) {
            return b.length();
        }
        long k = 0;
        for (boolean v : counted[r]) {
            k += v ? 1 : 0;
        }
        return k;
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

    /** All rows of the evaluation, window by window, {@code reps} per window. */
    static NoisyBatch rows(ModelSpec spec, TokenStream split, EvalRequest request, int windows, int reps) {
        long len = split.length();
        int seqLen = request.seqLen();
        int n = Math.multiplyExact(windows, reps);
        int[][] x0 = new int[n][];
        NoisyBatch[] parts = new NoisyBatch[windows];
        RouteContext route = spec.route(request.samplingEps());
        for (int w = 0; w < windows; w++) {
            long offset = split.windowOffset(request.windowOffset(len, w), seqLen);
            int[] window = new int[seqLen];
            split.read(offset, window, 0, seqLen);
            Batches.checkTokens(spec, window, offset);
            int[][] rep = new int[reps][];
            Arrays.fill(rep, window);
            double[] ts = spec.objective().drawTimes(reps, route, Seeds.rng(request.seed(), w, Seeds.EVAL_TIMES));
            parts[w] = Batches.noise(spec, route, rep, ts, Seeds.rng(request.seed(), w, Seeds.EVAL_MASKS));
            System.arraycopy(parts[w].x0(), 0, x0, w * reps, reps);
        }
        return concat(x0, parts);
    }

    private static NoisyBatch concat(int[][] x0, NoisyBatch[] parts) {
        int n = x0.length;
        int[][] xt = new int[n][];
        double[] t = new double[n];
        boolean[][] counted = parts.length > 0 && parts[0].corruption().counted() != null ? new boolean[n][] : null;
        Map<String, double[]> values = new HashMap<>();
        int at = 0;
        for (NoisyBatch p : parts) {
            int k = p.batch();
            System.arraycopy(p.xt(), 0, xt, at, k);
            System.arraycopy(p.t(), 0, t, at, k);
            if (counted != null) {
                System.arraycopy(p.corruption().counted(), 0, counted, at, k);
            }
            for (Map.Entry<String, double[]> e : p.corruption().rowValues().entrySet()) {
                System.arraycopy(e.getValue(), 0, values.computeIfAbsent(e.getKey(), key -> new double[n]), at, k);
            }
            at += k;
        }
        return new NoisyBatch(x0, new Corruption(xt, t, counted, values));
    }
}
