package org.mdlm.cli.run;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.mdlm.api.model.Denoiser;
import org.mdlm.api.sampling.SampleRequest;
import org.mdlm.api.sampling.SampleResult;
import org.mdlm.cli.config.SampleSettings;

/** Draws samples from a trained model and turns them into text with the domain. */
public final class SamplingSession {

    private SamplingSession() {
    }

    /**
     * Samples and decodes.
     *
     * @return the decoded texts and statistics (network calls, seconds, mean unigram entropy)
     */
    public static Outcome sample(Pipeline pipeline, Denoiser denoiser, SampleSettings settings, PrintWriter progress) {
        return sample(pipeline, denoiser, settings, null, progress);
    }

    /**
     * Samples from {@code initial} rows (non-mask tokens fixed; null for all-mask) and decodes.
     *
     * @return the decoded texts, tokens and statistics (network calls, seconds, mean unigram entropy)
     * @throws IllegalStateException if the sampler changed a fixed token (a sampler bug)
     */
    public static Outcome sample(Pipeline pipeline, Denoiser denoiser, SampleSettings settings, int[][] initial,
                                 PrintWriter progress) {
        pipeline.sampler().checkReads(denoiser);
        long start = System.nanoTime();
        SampleRequest request = new SampleRequest(settings.batch(), settings.length(), settings.seed(), initial);
        SampleResult result;
        if (Terminal.interactive()) {
            try (ProgressBar bar = new ProgressBarBuilder().setTaskName("sample").setInitialMax(1)
                    .setStyle(ProgressBarStyle.ASCII).setConsumer(new ConsoleProgressBarConsumer(System.err)).build()) {
                result = pipeline.sampler().sample(denoiser, request, (step, total, calls) -> {
                    bar.maxHint(total);
                    bar.stepTo(step);
                    bar.setExtraMessage(" " + calls + " network calls");
                });
            }
        } else {
            result = pipeline.sampler().sample(denoiser, request, (step, total, calls) -> {
                if (step == total || step % Math.max(1, total / 8) == 0) {
                    progress.printf("sampling step %d/%d (%d network calls)%n", step, total, calls);
                }
            });
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        if (initial != null) {
            checkFixedKept(initial, result.tokens(), denoiser.maskId(), pipeline.sampler());
        }
        List<String> texts = new ArrayList<>();
        double[] entropies = new double[result.tokens().length];
        double entropy = 0;
        for (int b = 0; b < result.tokens().length; b++) {
            int[] seq = result.tokens()[b];
            texts.add(pipeline.domain().decode(seq));
            entropies[b] = unigramEntropy(seq, denoiser.vocabSize());
            entropy += entropies[b];
        }
        Map<String, Object> stats = new LinkedHashMap<>();
        stats.put("samples", texts.size());
        stats.put("sample_length", settings.length());
        stats.put("sample_network_calls", result.networkCalls());
        stats.put("sample_seconds", seconds);
        stats.put("sample_entropy_nats", entropy / texts.size());
        return new Outcome(texts, result.tokens(), entropies, result.networkCalls(), seconds, stats);
    }

    private static void checkFixedKept(int[][] initial, int[][] tokens, int mask, Object sampler) {
        for (int b = 0; b < initial.length; b++) {
            for (int l = 0; l < initial[b].length; l++) {
                if (initial[b][l] != mask && tokens[b][l] != initial[b][l]) {
                    throw new IllegalStateException("sampler " + sampler + " changed the fixed token at position " + l
                            + " of sequence " + b + " (" + initial[b][l] + " -> " + tokens[b][l] + ")");
                }
            }
        }
    }

    /**
     * Entropy (nats) of the token frequencies within one sequence, -sum_v (n_v/L) ln(n_v/L): low values
     * flag degenerate repetition.
     */
    public static double unigramEntropy(int[] seq, int vocab) {
        int[] counts = new int[vocab];
        for (int t : seq) {
            counts[t]++;
        }
        double h = 0;
        for (int c : counts) {
            if (c > 0) {
                double p = (double) c / seq.length;
                h -= p * Math.log(p);
            }
        }
        return h;
    }

    /**
     * Decoded samples and their statistics.
     *
     * @param texts one text per sequence
     * @param tokens the token ids [batch][length]
     * @param entropies the unigram entropy (nats) of each sequence
     * @param networkCalls denoiser evaluations (NFE)
     * @param seconds wall time of the sampling (the whole batch)
     * @param stats numbers for the summary
     */
    public record Outcome(List<String> texts, int[][] tokens, double[] entropies, int networkCalls, double seconds,
                          Map<String, Object> stats) {

        /** The mean unigram entropy of the samples (nats). */
        public double meanEntropy() {
            return java.util.Arrays.stream(entropies).average().orElse(Double.NaN);
        }
    }
}
