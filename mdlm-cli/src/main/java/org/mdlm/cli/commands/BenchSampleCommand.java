package org.mdlm.cli.commands;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.mdlm.api.plugin.ExtensionPoint;
import org.mdlm.api.sampling.SampleRequest;
import org.mdlm.api.sampling.SampleResult;
import org.mdlm.api.sampling.Sampler;
import org.mdlm.api.sampling.SamplingProgress;
import org.mdlm.cli.config.ConfigResolver;
import org.mdlm.cli.config.ResolvedConfig;
import org.mdlm.cli.run.Backend;
import org.mdlm.cli.run.BenchStats;
import org.mdlm.cli.run.ModelFlops;
import org.mdlm.cli.run.Pipeline;
import org.mdlm.engine.GemmThreads;
import org.mdlm.engine.InferenceModel;
import org.mdlm.engine.StepBench;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code mdlm bench sample}: time one forward pass (the unit of work of every sampling step), then
 * whole sampling runs of the samplers at several step counts, in the same process.
 */
@Command(name = "sample", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Time forward passes (log p(x0|xt) of the inference graph) of a preset's model",
                "on a random batch; reports the median ms per pass after warm-up.",
                "Then time whole sampling runs of the preset's (untrained) model: each of",
                "--samplers at each of --steps-list, --repeats times (interleaved), with",
                "--sample-batch sequences of --length tokens. Reports per sampler and T the",
                "median seconds, generated tokens/s (batch x length / median seconds) and",
                "network calls (NFE), and speedup_T<T> = ddpm seconds / ddpm_cache seconds."})
public final class BenchSampleCommand implements Callable<Integer> {

    @Mixin
    ConfigOptions config;
    @Mixin
    BenchOutput bench;
    @Option(names = "--runs", defaultValue = "20", description = "Timed passes (default: ${DEFAULT-VALUE}).")
    int runs;
    @Option(names = "--batch", defaultValue = "16", description = "Sequences per pass (default: ${DEFAULT-VALUE}).")
    int batch;
    @Option(names = "--length", defaultValue = "128", description = "Sequence length of the passes and the samples "
            + "(default: ${DEFAULT-VALUE}).")
    int length;
    @Option(names = "--steps-list", paramLabel = "T", split = ",", defaultValue = "128,1000",
            description = "Sampler step counts to time (default: ${DEFAULT-VALUE}).")
    List<Integer> stepsList;
    @Option(names = "--samplers", paramLabel = "NAME", split = ",", defaultValue = "ddpm,ddpm_cache",
            description = "Samplers to time, each with sampler.steps=T (default: ${DEFAULT-VALUE}).")
    List<String> samplers;
    @Option(names = "--repeats", paramLabel = "R", defaultValue = "3",
            description = "Timed sampling runs per sampler and T; medians are reported (default: ${DEFAULT-VALUE}).")
    int repeats;
    @Option(names = "--sample-batch", paramLabel = "B", defaultValue = "1",
            description = "Sequences per sampling run (default: ${DEFAULT-VALUE}; the cache skips a call only when no "
                    + "sequence of the batch changed).")
    int sampleBatch;
    @Spec
    CommandSpec spec;

    private final ConfigResolver resolver;
    private final ObjectMapper mapper;

    /** Creates the command. */
    @Inject
    public BenchSampleCommand(ConfigResolver resolver, ObjectMapper mapper) {
        this.resolver = resolver;
        this.mapper = mapper;
    }

    @Override
    public Integer call() throws Exception {
        if (runs < 1 || bench.warmup < 0 || batch < 1 || length < 1 || repeats < 1 || sampleBatch < 1
                || stepsList.stream().anyMatch(t -> t < 1)) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                    "--runs, --batch, --length, --repeats, --sample-batch and every --steps-list value must be >= 1 "
                    + "and --warmup >= 0");
        }
        ResolvedConfig cfg = resolver.resolve(config.preset, config.allOverrides());
        Pipeline pipeline = Pipeline.assemble(cfg);
        // One model for the forward timing and the sampling runs, as one sampling process holds.
        InferenceModel model = InferenceModel.untrained(pipeline.modelSpec(cfg), cfg.train().seed(), cfg.train().seqLen());
        StepBench.Timings t = StepBench.forward(pipeline.modelSpec(cfg), cfg.train().seed(), batch, length, bench.warmup,
                runs, bench.profile, model);
        double median = BenchStats.median(t.ms());
        int vocab = pipeline.domain().vocabulary().size();
        double flops = ModelFlops.forward(cfg.tree().get("model"), vocab, batch, length);
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("benchmark", "sample");
        r.put("preset", config.preset);
        r.put("vocab_size", vocab);
        r.put("batch_size", batch);
        r.put("seq_len", length);
        r.put("timed_runs", t.ms().size());
        r.put("warmup_runs", bench.warmup);
        r.put("ms_per_forward_median", median);
        r.put("ms_per_forward_min", BenchStats.min(t.ms()));
        r.put("ms_per_forward_max", BenchStats.max(t.ms()));
        r.put("model_gflops", flops / (median * 1e6));
        r.put("first_forward_ms", t.firstMs());
        String lines = String.format(Locale.ROOT,
                "%s: %.1f ms/forward median (min %.1f) at B=%d L=%d, %d OpenMP / %d GEMM threads", config.preset,
                median, r.get("ms_per_forward_min"), batch, length, Backend.threads(), GemmThreads.threads());
        lines += samplingRuns(model, r);
        bench.addMachine(r, cfg);
        bench.print(spec.commandLine().getOut(), mapper, r, lines, t.profile(), "profile_ms_per_forward");
        return 0;
    }

    /**
     * Times whole sampling runs of the untrained model and adds them to the report: per sampler and T,
     * {@code <sampler>_T<T>_seconds}, {@code _tokens_per_s} and {@code _nfe} (medians over the repeats),
     * the list {@code sampling}, and {@code speedup_T<T>} when ddpm and ddpm_cache are both timed.
     *
     * @return the text lines
     */
    private String samplingRuns(InferenceModel model, Map<String, Object> r) {
        Map<String, Sampler> byKey = new LinkedHashMap<>();
        for (int steps : stepsList) {
            for (String name : samplers) {
                List<String> o = new ArrayList<>(config.allOverrides());
                o.add("sampler.type=" + name);
                o.add("sampler.steps=" + steps);
                byKey.put(name + "_T" + steps, (Sampler) resolver.resolve(config.preset, o).create(ExtensionPoint.SAMPLER));
            }
        }
        int mask = model.maskId();
        int[][] warm = new int[sampleBatch][length];
        for (int[] row : warm) {
            java.util.Arrays.fill(row, mask);
        }
        for (int i = 0; i < bench.warmup; i++) {
            model.evaluate(warm, new double[sampleBatch]);
        }
        Map<String, List<Double>> seconds = new LinkedHashMap<>();
        Map<String, List<Double>> calls = new LinkedHashMap<>();
        for (int rep = 0; rep < repeats; rep++) {
            for (Map.Entry<String, Sampler> e : byKey.entrySet()) {
                SampleRequest request = new SampleRequest(sampleBatch, length, 1 + rep);
                long t0 = System.nanoTime();
                SampleResult result = e.getValue().sample(model, request, SamplingProgress.NONE);
                seconds.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add((System.nanoTime() - t0) / 1e9);
                calls.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add((double) result.networkCalls());
            }
        }
        List<Map<String, Object>> runsList = new ArrayList<>();
        StringBuilder text = new StringBuilder();
        r.put("sample_batch", sampleBatch);
        r.put("sample_length", length);
        r.put("repeats", repeats);
        for (int steps : stepsList) {
            text.append(String.format(Locale.ROOT, "%nT=%d, B=%d, L=%d:", steps, sampleBatch, length));
            for (String name : samplers) {
                String key = name + "_T" + steps;
                double s = BenchStats.median(seconds.get(key));
                double nfe = BenchStats.median(calls.get(key));
                double tps = (double) sampleBatch * length / s;
                Map<String, Object> one = new LinkedHashMap<>();
                one.put("sampler", name);
                one.put("steps", steps);
                one.put("seconds_median", s);
                one.put("seconds_min", BenchStats.min(seconds.get(key)));
                one.put("tokens_per_s", tps);
                one.put("nfe", nfe);
                runsList.add(one);
                r.put(key + "_seconds", s);
                r.put(key + "_tokens_per_s", tps);
                r.put(key + "_nfe", nfe);
                text.append(String.format(Locale.ROOT, " %s %.3f s (%.0f NFE, %.1f tokens/s);", name, s, nfe, tps));
            }
            if (samplers.contains("ddpm") && samplers.contains("ddpm_cache")) {
                double speedup = BenchStats.median(seconds.get("ddpm_T" + steps))
                        / BenchStats.median(seconds.get("ddpm_cache_T" + steps));
                r.put("speedup_T" + steps, speedup);
                text.append(String.format(Locale.ROOT, " speedup %.2fx", speedup));
            }
        }
        r.put("sampling", runsList);
        return text.toString();
    }
}
