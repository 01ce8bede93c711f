package org.mdlm.cli.commands;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.mdlm.api.domain.Split;
import org.mdlm.api.domain.TokenStream;
import org.mdlm.cli.config.ConfigResolver;
import org.mdlm.cli.config.ResolvedConfig;
import org.mdlm.cli.run.Backend;
import org.mdlm.cli.run.BenchStats;
import org.mdlm.cli.run.ModelFlops;
import org.mdlm.cli.run.Pipeline;
import org.mdlm.cli.run.Sgemm;
import org.mdlm.engine.GemmThreads;
import org.mdlm.engine.StepBench;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code mdlm bench train}: time training steps of a preset and report medians. */
@Command(name = "train", mixinStandardHelpOptions = true,
        description = {"Time training steps of a preset (no evaluation, no checkpoints).",
                "Reports the median ms per step after warm-up, tokens/s, model GFLOP/s against a 1024^3 sgemm",
                "measured in the same run, the time to the first step, and with --profile the top ops."})
public final class BenchTrainCommand implements Callable<Integer> {

    @Mixin
    ConfigOptions config;
    @Mixin
    BenchOutput bench;
    @Option(names = "--steps", defaultValue = "20", description = "Timed steps (default: ${DEFAULT-VALUE}).")
    int steps;
    @Spec
    CommandSpec spec;

    private final ConfigResolver resolver;
    private final ObjectMapper mapper;

    /** Creates the command. */
    @Inject
    public BenchTrainCommand(ConfigResolver resolver, ObjectMapper mapper) {
        this.resolver = resolver;
        this.mapper = mapper;
    }

    @Override
    public Integer call() throws Exception {
        if (steps < 1 || bench.warmup < 0) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--steps must be >= 1 and --warmup >= 0");
        }
        List<String> overrides = new ArrayList<>(config.allOverrides());
        overrides.addAll(List.of("train.steps=" + (steps + bench.warmup), "train.warmup_steps=1"));
        ResolvedConfig cfg = resolver.resolve(config.preset, overrides);
        Pipeline pipeline = Pipeline.assemble(cfg);
        TokenStream train = pipeline.domain().read(Split.TRAIN);
        StepBench.Timings t = StepBench.train(pipeline.modelSpec(cfg), cfg.train(), train, bench.warmup, steps, bench.profile);
        double firstStepAt = BenchStats.msSinceJvmStart(t.firstDoneAtMs());
        double median = BenchStats.median(t.ms());
        int vocab = pipeline.domain().vocabulary().size();
        int batch = cfg.train().batchSize();
        int len = cfg.train().seqLen();
        double stepFlops = 3 * ModelFlops.forward(cfg.tree().get("model"), vocab, batch, len);
        double sgemm = Sgemm.gflops(1024, 20);
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("benchmark", "train");
        r.put("preset", config.preset);
        r.put("model", cfg.tree().get("model"));
        r.put("vocab_size", vocab);
        r.put("batch_size", batch);
        r.put("seq_len", len);
        r.put("timed_steps", t.ms().size());
        r.put("warmup_steps", bench.warmup);
        r.put("ms_per_step_median", median);
        r.put("ms_per_step_min", BenchStats.min(t.ms()));
        r.put("ms_per_step_max", BenchStats.max(t.ms()));
        r.put("tokens_per_s", (double) batch * len * 1000.0 / median);
        r.put("model_gflop_per_step", stepFlops / 1e9);
        r.put("model_gflops", stepFlops / (median * 1e6));
        r.put("sgemm_1024_gflops", sgemm);
        r.put("graph_build_ms", t.buildMs());
        r.put("first_step_ms", t.firstMs());
        r.put("time_to_first_step_ms", firstStepAt);
        bench.addMachine(r, cfg);
        bench.print(spec.commandLine().getOut(), mapper, r, String.format(Locale.ROOT,
                "%s: %.1f ms/step median (min %.1f), %.0f tokens/s, %.1f model GFLOP/s (sgemm %.0f), "
                        + "first step after %.0f ms, %d OpenMP / %d GEMM threads",
                config.preset, median, r.get("ms_per_step_min"), r.get("tokens_per_s"), r.get("model_gflops"),
                sgemm, firstStepAt, Backend.threads(), GemmThreads.threads()), t.profile(), "profile_ms_per_step");
        return 0;
    }
}
