package org.mdlm.cli.commands;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.inject.Inject;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.mdlm.cli.config.ConfigResolver;
import org.mdlm.cli.config.ResolvedConfig;
import org.mdlm.cli.run.Backend;
import org.mdlm.cli.run.BenchStats;
import org.mdlm.cli.run.ModelFlops;
import org.mdlm.cli.run.Pipeline;
import org.mdlm.engine.GemmThreads;
import org.mdlm.engine.StepBench;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code mdlm bench sample}: time one forward pass (the unit of work of every sampling step). */
@Command(name = "sample", mixinStandardHelpOptions = true,
        description = {"Time forward passes (log p(x0|xt) of the inference graph) of a preset's model",
                "on a random batch; reports the median ms per pass after warm-up."})
public final class BenchSampleCommand implements Callable<Integer> {

    @Mixin
    ConfigOptions config;
    @Mixin
    BenchOutput bench;
    @Option(names = "--runs", defaultValue = "20", description = "Timed passes (default: ${DEFAULT-VALUE}).")
    int runs;
    @Option(names = "--batch", defaultValue = "16", description = "Sequences per pass (default: ${DEFAULT-VALUE}).")
    int batch;
    @Option(names = "--length", defaultValue = "128", description = "Sequence length (default: ${DEFAULT-VALUE}).")
    int length;
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
        if (runs < 1 || bench.warmup < 0 || batch < 1 || length < 1) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                    "--runs, --batch and --length must be >= 1 and --warmup >= 0");
        }
        ResolvedConfig cfg = resolver.resolve(config.preset, config.allOverrides());
        Pipeline pipeline = Pipeline.assemble(cfg);
        StepBench.Timings t = StepBench.forward(pipeline.modelSpec(cfg), cfg.train().seed(), batch, length, bench.warmup,
                runs, bench.profile);
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
        bench.addMachine(r, cfg);
        bench.print(spec.commandLine().getOut(), mapper, r, String.format(Locale.ROOT,
                "%s: %.1f ms/forward median (min %.1f) at B=%d L=%d, %d OpenMP / %d GEMM threads", config.preset,
                median, r.get("ms_per_forward_min"), batch, length, Backend.threads(), GemmThreads.threads()),
                t.profile(), "profile_ms_per_forward");
        return 0;
    }
}
