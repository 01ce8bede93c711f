package org.mdlm.cli.commands;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.mdlm.api.domain.Split;
import org.mdlm.cli.config.ConfigResolver;
import org.mdlm.cli.run.EvalProgressDisplay;
import org.mdlm.cli.run.Reports;
import org.mdlm.engine.Evaluator;
import org.mdlm.engine.TrainConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code mdlm eval}: the NELBO bound of a trained run on a split. */
@Command(name = "eval", mixinStandardHelpOptions = true,
        description = "Evaluate a trained run's NELBO (nats/token, bits/char, perplexity bound) on a split.")
public final class EvalCommand implements Callable<Integer> {

    @Option(names = "--run", required = true, paramLabel = "RUN_DIR", description = "The run folder.")
    Path run;
    @Option(names = "--split", defaultValue = "valid", description = "valid or test (default: ${DEFAULT-VALUE}).")
    String split;
    @Option(names = "--windows", description = "Number of evaluation windows (default: the run's train.eval_windows).")
    Integer windows;
    @Option(names = "--t-samples", description = "Noise levels per window (default: the run's train.eval_t_samples).")
    Integer tSamples;
    @Option(names = "--raw", description = "Use the raw weights instead of the EMA weights.")
    boolean raw;
    @Spec
    CommandSpec spec;

    private final ConfigResolver resolver;
    private final ObjectMapper mapper;

    /** Creates the command. */
    @Inject
    public EvalCommand(ConfigResolver resolver, ObjectMapper mapper) {
        this.resolver = resolver;
        this.mapper = mapper;
    }

    @Override
    public Integer call() {
        Split s = switch (split) {
            case "valid" -> Split.VALID;
            case "test" -> Split.TEST;
            default -> throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                    "--split must be valid or test, not '" + split + "'");
        };
        RunModels models = RunModels.load(run, resolver, mapper);
        TrainConfig t = models.config().train();
        double nats;
        try (EvalProgressDisplay progress = EvalProgressDisplay.open(spec.commandLine().getErr())) {
            nats = Evaluator.natsPerToken(models.pipeline().modelSpec(models.config()),
                    raw ? models.checkpoint().params() : models.checkpoint().emaParams(),
                    models.pipeline().domain().read(s), t.seqLen(), windows == null ? t.evalWindows() : windows,
                    tSamples == null ? t.evalTSamples() : tSamples, t.samplingEps(), t.seed(), progress);
        }
        StringBuilder sb = new StringBuilder(String.format(Locale.ROOT,
                "%s (step %d): %.4f nats/token", split, models.checkpoint().step(), nats));
        if (models.pipeline().domain().characterLevel()) {
            sb.append(String.format(Locale.ROOT, ", %.4f bits/char", Reports.bitsPerToken(nats)));
        }
        sb.append(String.format(Locale.ROOT, ", perplexity <= %.3f", Math.exp(nats)));
        spec.commandLine().getOut().println(sb);
        return 0;
    }
}
