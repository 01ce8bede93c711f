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
        pipeline.sampler().checkReads(denoiser);
        long start = System.nanoTime();
        SampleRequest request = new SampleRequest(settings.batch(), settings.length(), settings.seed());
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
        List<String> texts = new ArrayList<>();
        double entropy = 0;
        for (int[] seq : result.tokens()) {
            texts.add(pipeline.domain().decode(seq));
            entropy += unigramEntropy(seq, denoiser.vocabSize());
        }
        Map<String, Object> stats = new LinkedHashMap<>();
        stats.put("samples", texts.size());
        stats.put("sample_length", settings.length());
        stats.put("sample_network_calls", result.networkCalls());
        stats.put("sample_seconds", seconds);
        stats.put("sample_entropy_nats", entropy / texts.size());
        return new Outcome(texts, stats);
    }

    /** Entropy (nats) of the token frequencies within one sequence: low values flag degenerate repetition. */
    static double unigramEntropy(int[] seq, int vocab) {
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
     * @param stats numbers for the summary
     */
    public record Outcome(List<String> texts, Map<String, Object> stats) {
    }
}
