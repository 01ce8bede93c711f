package org.mdlm.cli.commands;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.inject.Inject;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.mdlm.api.model.DenoiserOutputKind;
import org.mdlm.api.plugin.ExtensionPoint;
import org.mdlm.cli.config.ConfigException;
import org.mdlm.cli.config.ConfigResolver;
import org.mdlm.cli.config.SampleSettings;
import org.mdlm.cli.run.RunDirectory;
import org.mdlm.cli.run.SampleFiles;
import org.mdlm.cli.run.SampleTemplate;
import org.mdlm.cli.run.SamplingSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/** {@code mdlm sample}: draw text from a trained model, free or around fixed text (prefix, infilling). */
@Command(name = "sample", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Sample from a trained model (a run folder's newest checkpoint, or one checkpoint file).",
                "Prints the texts on stdout and a report on stderr: sampler, steps, network",
                "calls (NFE), wall time per sample, mean unigram entropy. Writes samples.txt,",
                "samples.jsonl (per sample: index, text, tokens, fixed positions, entropy) and",
                "report.json to the output folder.",
                "--prefix fixes the first tokens; --infill fixes the known parts of a template",
                "and samples its gaps (any number), e.g.",
                "  --infill \"the cat ___ on the mat\" --length 64",
                "Text is written in the domain's own form (text8: a-z and space) and must",
                "encode exactly. An autoregressive model (ar) takes a prefix, or a template",
                "whose gaps are all at the end, but no text after a gap.",
                "--set takes sampler.* and sample.* keys, e.g. sampler.type=ddpm,",
                "sampler.steps=256, sample.seed=3."})
public final class SampleCommand extends ModelCommand {

    @Option(names = "--steps", paramLabel = "T", description = "Reverse steps (shorthand for --set sampler.steps=T; "
            + "default: the run's config). The ar sampler has no steps: one call per position.")
    Integer steps;
    @Option(names = "--length", paramLabel = "L", description = "Tokens per sample (shorthand for --set "
            + "sample.length=L; default: the run's config; with --infill and --gap-length: the template's length).")
    Integer length;
    @Option(names = "--num", paramLabel = "N", description = "Number of samples (shorthand for --set sample.batch=N; "
            + "default: the run's config).")
    Integer num;
    @Option(names = "--prefix", paramLabel = "TEXT", description = "Fix the first tokens to TEXT (encoded by the "
            + "model's domain); the rest is sampled.")
    String prefix;
    @Option(names = "--infill", paramLabel = "TEMPLATE", description = "Known text with gaps, e.g. \"the cat ___ on "
            + "the mat\": the known parts are fixed, the gaps are sampled. Gap lengths: --gap-length, or the "
            + "remaining length spread evenly over the gaps.")
    String infill;
    @Option(names = "--gap-marker", paramLabel = "TEXT", defaultValue = SampleTemplate.DEFAULT_GAP_MARKER,
            description = "How a gap is written in the --infill template (default: ${DEFAULT-VALUE}).")
    String gapMarker;
    @Option(names = "--gap-length", paramLabel = "K", description = "Tokens per gap of the --infill template "
            + "(default: spread --length minus the known tokens evenly; without --length the sample length is "
            + "the known tokens plus the gaps).")
    Integer gapLength;
    @Option(names = "--out", paramLabel = "DIR", description = "Folder for samples.txt, samples.jsonl and "
            + "report.json (default: RUN_DIR/samples/<date-time>/, or samples/<date-time>/ beside the checkpoint "
            + "file); files of the same names are replaced.")
    Path out;

    /** Creates the command. */
    @Inject
    public SampleCommand(ConfigResolver resolver, ObjectMapper mapper) {
        super(resolver, mapper);
    }

    @Override
    List<String> overridablePrefixes() {
        return List.of("sampler.", "sample.");
    }

    @Override
    public Integer call() {
        if (prefix != null && infill != null) {
            throw new ParameterException(spec.commandLine(), "give --prefix or --infill, not both (a template "
                    + "\"TEXT" + gapMarker + "\" is a prefix)");
        }
        if (gapLength != null && infill == null) {
            throw new ParameterException(spec.commandLine(), "--gap-length applies to --infill");
        }
        List<String> shorthand = new ArrayList<>();
        if (steps != null) {
            shorthand.add("sampler.steps=" + steps);
        }
        if (length != null) {
            shorthand.add("sample.length=" + length);
        }
        if (num != null) {
            shorthand.add("sample.batch=" + num);
        }
        LoadedModel model = loadModel(shorthand);
        SampleSettings s = model.config().sample();
        String domainName = model.config().providerName(ExtensionPoint.DOMAIN);
        SampleTemplate template = null;
        if (prefix != null) {
            template = SampleTemplate.prefix(model.pipeline().domain(), domainName, prefix, s.length());
        } else if (infill != null) {
            template = SampleTemplate.infill(model.pipeline().domain(), domainName, infill, gapMarker, gapLength, length,
                    s.length());
        }
        String sampler = model.config().providerName(ExtensionPoint.SAMPLER);
        if (template != null && template.textAfterGap()
                && model.spec().objective().outputKind() == DenoiserOutputKind.NEXT_TOKEN_LOG_PROBS) {
            throw new ConfigException("this model is autoregressive (objective '"
                    + model.config().providerName(ExtensionPoint.PARAMETERIZATION) + "', sampler '" + sampler
                    + "'): it draws left to right and cannot condition on the text after a gap; use --prefix (or a "
                    + "template whose gaps are all at the end), or infill with a diffusion model");
        }
        SampleSettings settings = template == null ? s : new SampleSettings(s.batch(), template.length(), s.seed());
        Path dir = out != null ? out : SampleFiles.newTimestampedFolder(defaultParent());
        PrintWriter err = spec.commandLine().getErr();
        SamplingSession.Outcome o = SamplingSession.sample(model.pipeline(), model.denoiser(), settings,
                template == null ? null : template.rows(settings.batch()), err);
        for (String text : o.texts()) {
            spec.commandLine().getOut().println(text);
        }
        JsonNode stepsNode = model.config().tree().path("sampler").path("steps");
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("model", source.path().toString());
        report.put("checkpoint_step", model.checkpoint().step());
        report.put("sampler", sampler);
        report.put("steps", stepsNode.isNumber() ? stepsNode.asInt() : null);
        report.put("samples", settings.batch());
        report.put("length", settings.length());
        report.put("seed", settings.seed());
        report.put("network_calls", o.networkCalls());
        report.put("seconds", o.seconds());
        report.put("seconds_per_sample", o.seconds() / settings.batch());
        report.put("entropy_mean", o.meanEntropy());
        if (template != null) {
            report.put("constraint", template.kind());
            report.put("template", prefix != null ? prefix : infill);
            report.put("fixed_positions", template.fixedPositions().length);
            report.put("gaps", template.gaps());
        }
        SampleFiles.write(dir, o, template == null ? new int[0] : template.fixedPositions(), report, mapper);
        err.println(String.format(Locale.ROOT, "sampler %s%s: %d sample%s of %d tokens, %d network calls (NFE), "
                        + "%.3f s per sample (%.2f s for the batch), mean unigram entropy %.4f nats",
                sampler, stepsNode.isNumber() ? " (" + stepsNode.asInt() + " steps)" : "", settings.batch(),
                settings.batch() == 1 ? "" : "s", settings.length(), o.networkCalls(), o.seconds() / settings.batch(),
                o.seconds(), o.meanEntropy()));
        if (template != null) {
            err.println(template.describe());
        }
        err.println("written to " + dir.resolve(SampleFiles.TEXTS) + " and " + SampleFiles.JSONL);
        return 0;
    }

    /** The run folder; for a checkpoint file, its run folder when it is one's, else the file's folder. */
    private Path defaultParent() {
        if (source.run() != null) {
            return source.run();
        }
        Path parent = source.checkpoint().toAbsolutePath().getParent();
        Path run = parent.getParent();
        if (parent.getFileName() != null && parent.getFileName().toString().equals("checkpoints") && run != null
                && Files.isRegularFile(run.resolve(RunDirectory.CONFIG))) {
            return run;
        }
        return parent;
    }
}
