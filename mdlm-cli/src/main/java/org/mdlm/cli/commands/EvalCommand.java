package org.mdlm.cli.commands;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Locale;
import org.mdlm.api.domain.Split;
import org.mdlm.api.domain.TokenStream;
import org.mdlm.cli.config.ConfigResolver;
import org.mdlm.cli.run.EvalProgressDisplay;
import org.mdlm.cli.run.Reports;
import org.mdlm.engine.EvalRequest;
import org.mdlm.engine.EvalResult;
import org.mdlm.engine.Evaluator;
import org.mdlm.engine.InferenceModel;
import org.mdlm.engine.TrainConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/** {@code mdlm eval}: a trained model's loss on a split, with its standard error. */
@Command(name = "eval", mixinStandardHelpOptions = true,
        description = {"Evaluate a trained model on a split: nats/token with its standard error over",
                "windows, bits/char for character domains, and perplexity. The figure is a NELBO",
                "bound for diffusion objectives and the exact NLL for ar.",
                "Default: the run's own periodic evaluation (evenly spaced windows, several noise",
                "levels each). --full: every non-overlapping window, as the reference evaluates",
                "(comparable with published numbers). --set takes domain.* keys only."})
public final class EvalCommand extends ModelCommand {

    @Option(names = "--split", defaultValue = "valid", description = "valid or test (default: ${DEFAULT-VALUE}).")
    String split;
    @Option(names = "--full", description = "Every non-overlapping window of the split (default: one time per window).")
    boolean full;
    @Option(names = "--windows", description = "Evenly spaced windows (default: the run's train.eval_windows).")
    Integer windows;
    @Option(names = "--t-samples", description = "Noise levels per window (default: the run's train.eval_t_samples, "
            + "or 1 with --full).")
    Integer tSamples;

    /** Creates the command. */
    @Inject
    public EvalCommand(ConfigResolver resolver, ObjectMapper mapper) {
        super(resolver, mapper);
    }

    @Override
    List<String> overridablePrefixes() {
        return List.of("domain.");
    }

    @Override
    public Integer call() {
        Split s = switch (split) {
            case "valid" -> Split.VALID;
            case "test" -> Split.TEST;
            default -> throw new ParameterException(spec.commandLine(), "--split must be valid or test, not '" + split + "'");
        };
        if (full && windows != null) {
            throw new ParameterException(spec.commandLine(), "--full evaluates every window; drop --windows");
        }
        LoadedModel model = loadModel();
        InferenceModel.check(model.spec(), model.checkpoint());
        TrainConfig t = model.config().train();
        EvalRequest request = full
                ? EvalRequest.fullSplit(t.seqLen(), tSamples == null ? 1 : tSamples, t.samplingEps(), t.evalSeed())
                : EvalRequest.sampled(t.seqLen(), windows == null ? t.evalWindows() : windows,
                        tSamples == null ? t.evalTSamples() : tSamples, t.samplingEps(), t.evalSeed());
        TokenStream data = model.pipeline().domain().read(s);
        EvalResult r;
        try (EvalProgressDisplay progress = EvalProgressDisplay.open(spec.commandLine().getErr())) {
            r = Evaluator.evaluate(model.spec(), model.weights(), data, request, progress);
        }
        spec.commandLine().getOut().println(String.format(Locale.ROOT, "%s (step %d, %s weights, %d windows x %d): %s",
                split, model.checkpoint().step(), model.useRawWeights() ? "raw" : "EMA", r.windows(),
                r.sequences() / r.windows(), Reports.evaluation(r, model.pipeline().domain().characterLevel())));
        return 0;
    }
}
