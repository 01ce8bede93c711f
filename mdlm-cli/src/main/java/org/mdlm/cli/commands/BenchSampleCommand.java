package org.mdlm.cli.commands;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.inject.Inject;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.mdlm.api.plugin.ExtensionPoint;
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
    @Option(names = "--runs", defaultValue = "20", description = "Timed passes (default: ${DEFAULT-VALUE}).")
    int runs;
    @Option(names = "--warmup", defaultValue = "5", description = "Untimed passes (default: ${DEFAULT-VALUE}).")
    int warmup;
    @Option(names = "--batch", defaultValue = "16", description = "Sequences per pass (default: ${DEFAULT-VALUE}).")
    int batch;
    @Option(names = "--length", defaultValue = "128", description = "Sequence length (default: ${DEFAULT-VALUE}).")
    int length;
    @Option(names = "--json", description = "Print JSON instead of text.")
    boolean json;
    @Option(names = "--profile", description = "Also time every op and print the top ops.")
    boolean profile;
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
        if (runs < 1 || warmup < 0 || batch < 1 || length < 1) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                    "--runs, --batch and --length must be >= 1 and --warmup >= 0");
        }
        ResolvedConfig cfg = resolver.resolve(config.preset, config.allOverrides());
        Pipeline pipeline = Pipeline.assemble(cfg);
        StepBench.Timings t = StepBench.forward(pipeline.modelSpec(cfg), cfg.train().seed(), batch, length, warmup,
                runs, profile);
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
        r.put("warmup_runs", warmup);
        r.put("ms_per_forward_median", median);
        r.put("ms_per_forward_min", BenchStats.min(t.ms()));
        r.put("ms_per_forward_max", BenchStats.max(t.ms()));
        r.put("model_gflops", flops / (median * 1e6));
        r.put("first_forward_ms", t.firstMs());
        r.put("threads", Backend.threads());
        r.put("gemm_threads", GemmThreads.threads());
        r.put("backend", Backend.describe());
        r.put("backbone", cfg.providerName(ExtensionPoint.BACKBONE));
        if (profile) {
            r.put("profile_ms_per_forward", ProfileTable.rows(t.profile(), 25));
        }
        if (json) {
            spec.commandLine().getOut().println(mapper.writerWithDefaultPrettyPrinter().writeValueAsString(r));
        } else {
            spec.commandLine().getOut().printf(Locale.ROOT, "%s: %.1f ms/forward median (min %.1f) at B=%d L=%d, %d OpenMP / %d GEMM threads%n",
                    config.preset, median, r.get("ms_per_forward_min"), batch, length, Backend.threads(), GemmThreads.threads());
            if (profile) {
                ProfileTable.print(spec.commandLine().getOut(), t.profile(), 25);
            }
        }
        return 0;
    }
}
