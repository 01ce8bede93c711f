package org.mdlm.cli.commands;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.mdlm.api.domain.Split;
import org.mdlm.api.domain.TokenStream;
import org.mdlm.api.plugin.ExtensionPoint;
import org.mdlm.cli.config.ConfigResolver;
import org.mdlm.cli.config.ResolvedConfig;
import org.mdlm.cli.run.Backend;
import org.mdlm.cli.run.Pipeline;
import org.mdlm.process.train.StepMetrics;
import org.mdlm.process.train.Trainer;
import org.mdlm.process.train.TrainingListener;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code mdlm bench train}: time training steps of a preset and report medians. */
@Command(name = "train", mixinStandardHelpOptions = true,
        description = {"Time training steps of a preset (no evaluation, no checkpoints kept).",
                "Reports the median ms per step after warm-up, tokens/s and the threads in use."})
public final class BenchTrainCommand implements Callable<Integer> {

    @Mixin
    ConfigOptions config;
    @Option(names = "--steps", defaultValue = "20", description = "Timed steps (default: ${DEFAULT-VALUE}).")
    int steps;
    @Option(names = "--warmup", defaultValue = "5", description = "Untimed warm-up steps (default: ${DEFAULT-VALUE}).")
    int warmup;
    @Option(names = "--json", description = "Print JSON instead of text.")
    boolean json;
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
    public Integer call() throws IOException {
        if (steps < 1 || warmup < 0) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--steps must be >= 1 and --warmup >= 0");
        }
        List<String> overrides = new ArrayList<>(config.allOverrides());
        overrides.addAll(List.of("train.steps=" + (steps + warmup), "train.log_every=1", "train.eval_every=0",
                "train.checkpoint_every=0", "train.eval_windows=1", "train.eval_t_samples=1", "train.keep_checkpoints=1",
                "train.warmup_steps=1"));
        ResolvedConfig cfg = resolver.resolve(config.preset, overrides);
        Pipeline pipeline = Pipeline.assemble(cfg);
        TokenStream train = pipeline.domain().read(Split.TRAIN);
        TokenStream valid = pipeline.domain().read(Split.VALID);
        List<Double> times = Collections.synchronizedList(new ArrayList<>());
        TrainingListener timer = new TrainingListener() {
            @Override
            public void onStep(StepMetrics m) {
                if (m.step() > warmup) {
                    times.add(m.msPerStep());
                }
                spec.commandLine().getErr().printf(Locale.ROOT, "bench step %d/%d: %.1f ms%n", m.step(), steps + warmup,
                        m.msPerStep());
            }
        };
        Path tmp = Files.createTempDirectory("mdlm-bench");
        try {
            new Trainer(pipeline.modelSpec(cfg), cfg.train(), train, valid, tmp, timer).train();
        } finally {
            deleteTree(tmp);
        }
        List<Double> sorted = new ArrayList<>(times);
        Collections.sort(sorted);
        double median = sorted.isEmpty() ? Double.NaN : sorted.size() % 2 == 1 ? sorted.get(sorted.size() / 2)
                : (sorted.get(sorted.size() / 2 - 1) + sorted.get(sorted.size() / 2)) / 2;
        long tokensPerStep = (long) cfg.train().batchSize() * cfg.train().seqLen();
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("benchmark", "train");
        r.put("preset", config.preset);
        r.put("model", cfg.tree().get("model"));
        r.put("vocab_size", pipeline.domain().vocabulary().size());
        r.put("batch_size", cfg.train().batchSize());
        r.put("seq_len", cfg.train().seqLen());
        r.put("timed_steps", sorted.size());
        r.put("warmup_steps", warmup);
        r.put("ms_per_step_median", median);
        r.put("ms_per_step_min", sorted.isEmpty() ? Double.NaN : sorted.get(0));
        r.put("ms_per_step_max", sorted.isEmpty() ? Double.NaN : sorted.get(sorted.size() - 1));
        r.put("tokens_per_s", tokensPerStep * 1000.0 / median);
        r.put("threads", Backend.threads());
        r.put("cores", Runtime.getRuntime().availableProcessors());
        r.put("backend", Backend.describe());
        r.put("backbone", cfg.providerName(ExtensionPoint.BACKBONE));
        r.put("java", System.getProperty("java.version"));
        if (json) {
            spec.commandLine().getOut().println(mapper.writerWithDefaultPrettyPrinter().writeValueAsString(r));
        } else {
            spec.commandLine().getOut().printf(Locale.ROOT, "%s: %.1f ms/step median (min %.1f), %.0f tokens/s, %d threads%n",
                    config.preset, median, r.get("ms_per_step_min"), r.get("tokens_per_s"), Backend.threads());
        }
        return 0;
    }

    private static void deleteTree(Path root) throws IOException {
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : (Iterable<Path>) walk.sorted(Collections.reverseOrder())::iterator) {
                Files.deleteIfExists(p);
            }
        }
    }
}
