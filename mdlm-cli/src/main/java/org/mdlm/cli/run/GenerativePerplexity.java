package org.mdlm.cli.run;

import java.util.Objects;
import org.mdlm.api.model.Denoiser;
import org.mdlm.api.model.DenoiserOutput;
import org.mdlm.api.model.DenoiserOutputKind;

/**
 * Generative perplexity: how likely an autoregressive evaluator finds a model's samples.
 *
 * <p>Each sample x_0..x_{L-1} is cut into consecutive, non-overlapping windows of at most
 * {@code context} tokens (the evaluator's trained length): window k holds x_{kC}..x_{min(L,(k+1)C)-1}.
 * A window is scored as the evaluator was trained, from the beginning of sequence: its input is the
 * window shifted right by one behind the mask id (the BOS marker of
 * {@link DenoiserOutputKind#NEXT_TOKEN_LOG_PROBS}), so row i of the output is
 * log p(w_i | w_&lt;i) and every token of the sample is scored exactly once, the first token of each
 * window from the BOS alone. Then
 *
 * <pre>
 *   NLL = - sum over samples and positions of log p(x_i | the window's tokens before i)
 *   gen PPL = exp(NLL / number of scored tokens)
 * </pre>
 *
 * a corpus-level (token-weighted) figure: every token counts once, whatever sample it is in.
 * Windows of equal length are scored in one network call for all samples.
 */
public final class GenerativePerplexity {

    private GenerativePerplexity() {
    }

    /**
     * Scores {@code samples} under {@code evaluator}.
     *
     * @param evaluator a model giving {@link DenoiserOutputKind#NEXT_TOKEN_LOG_PROBS}
     * @param samples token ids [N][L], rows of equal length, no mask token
     * @param context the longest window the evaluator reads (its trained length; {@code <= 0}: the
     *                sample length, one window)
     * @throws IllegalArgumentException for another output kind, unequal or empty rows, a mask or an
     *                                  out-of-range token
     */
    public static Score score(Denoiser evaluator, int[][] samples, int context) {
        Objects.requireNonNull(evaluator, "evaluator");
        if (evaluator.kind() != DenoiserOutputKind.NEXT_TOKEN_LOG_PROBS) {
            throw new IllegalArgumentException("the evaluator must give " + DenoiserOutputKind.NEXT_TOKEN_LOG_PROBS.label()
                    + " (an autoregressive model), not " + evaluator.kind().label());
        }
        if (samples.length == 0 || samples[0].length == 0) {
            throw new IllegalArgumentException("need at least one non-empty sample");
        }
        int length = samples[0].length;
        int mask = evaluator.maskId();
        for (int[] s : samples) {
            if (s.length != length) {
                throw new IllegalArgumentException("samples must have equal lengths, got " + length + " and " + s.length);
            }
            for (int id : s) {
                if (id == mask || id < 0 || id >= evaluator.vocabSize()) {
                    throw new IllegalArgumentException("sample token " + id + " is the mask or outside [0, "
                            + evaluator.vocabSize() + ")");
                }
            }
        }
        int window = context <= 0 ? length : Math.min(context, length);
        double nll = 0;
        int calls = 0;
        for (int start = 0; start < length; start += window) {
            int w = Math.min(window, length - start);
            int[][] in = new int[samples.length][w];
            for (int b = 0; b < samples.length; b++) {
                in[b][0] = mask;
                System.arraycopy(samples[b], start, in[b], 1, w - 1);
            }
            DenoiserOutput out = evaluator.evaluate(in, new double[samples.length]);
            calls++;
            for (int b = 0; b < samples.length; b++) {
                for (int i = 0; i < w; i++) {
                    nll -= out.get(b, i, samples[b][start + i]);
                }
            }
        }
        int windows = (length + window - 1) / window;
        return new Score(nll, (long) samples.length * length, window, windows, calls);
    }

    /**
     * The result of {@link #score}.
     *
     * @param nll total negative log-likelihood (nats) of every scored token
     * @param tokens number of scored tokens
     * @param window the window length used (the last window of a sample may be shorter)
     * @param windowsPerSample windows each sample was cut into
     * @param networkCalls evaluator calls
     */
    public record Score(double nll, long tokens, int window, int windowsPerSample, int networkCalls) {

        /** NLL per token (nats). */
        public double natsPerToken() {
            return nll / tokens;
        }

        /** exp(NLL / tokens). */
        public double perplexity() {
            return Math.exp(natsPerToken());
        }
    }
}
