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
import org.mdlm.api.domain.Split;
import org.mdlm.api.domain.TokenStream;
import org.mdlm.api.domain.Vocabulary;
import org.mdlm.api.model.DenoiserOutputKind;
import org.mdlm.api.plugin.ExtensionPoint;
import org.mdlm.cli.config.ConfigException;
import org.mdlm.cli.config.ConfigResolver;
import org.mdlm.cli.config.SampleSettings;
import org.mdlm.cli.run.BytesPerToken;
import org.mdlm.cli.run.EvalProgressDisplay;
import org.mdlm.cli.run.GenerativePerplexity;
import org.mdlm.cli.run.ReportUnit;
import org.mdlm.cli.run.Reports;
import org.mdlm.cli.run.SamplingSession;
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
                "(comparable with published numbers). --set takes domain.* keys only.",
                "--gen-ppl: generative perplexity instead. Draws --num samples of --length",
                "tokens with the model's sampler (--set sampler.* and sample.* keys choose it,",
                "e.g. sampler.type=ddpm, sampler.steps=T) and scores them with --evaluator, a",
                "model trained with the ar objective on the same vocabulary:",
                "  gen PPL = exp(sum of NLL / number of tokens) over all samples.",
                "Samples longer than the evaluator's training length are cut into consecutive",
                "windows of that length, each scored from the BOS. Also reports the mean",
                "unigram entropy of the samples, NFE and wall time per sample.",
                "--data A,B,C: zero-shot, the same evaluation on each corpus (read by the model's",
                "own domain and tokenizer, as domain.data), per token and per UTF-8 byte."})
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
    @Option(names = "--gen-ppl", description = "Generative perplexity of the model's samples under --evaluator "
            + "(instead of the loss on a split).")
    boolean genPpl;
    @Option(names = "--evaluator", paramLabel = "RUN_OR_CHECKPOINT", description = "With --gen-ppl: the scoring "
            + "model, a run folder or checkpoint file of a model trained with the ar objective on the same vocabulary.")
    Path evaluator;
    @Option(names = "--num", paramLabel = "N", description = "With --gen-ppl: number of samples (shorthand for "
            + "--set sample.batch=N; default: the run's config).")
    Integer num;
    @Option(names = "--length", paramLabel = "L", description = "With --gen-ppl: tokens per sample (shorthand for "
            + "--set sample.length=L; default: the run's config).")
    Integer length;
    @Option(names = "--json", description = "Print the result as JSON.")
    boolean json;
    @Option(names = "--data", split = ",", paramLabel = "PATH", description = "Zero-shot: evaluate on each of these "
            + "corpora (comma-separated; each is what the model's domain.data accepts) instead of the run's own, "
            + "per token and per byte.")
    List<String> data;

    /** Creates the command. */
    @Inject
    public EvalCommand(ConfigResolver resolver, ObjectMapper mapper) {
        super(resolver, mapper);
    }

    @Override
    List<String> overridablePrefixes() {
        return genPpl ? List.of("sampler.", "sample.") : List.of("domain.");
    }

    @Override
    public Integer call() throws Exception {
        if (genPpl) {
            return generativePerplexity();
        }
        if (evaluator != null || num != null || length != null) {
            throw new ParameterException(spec.commandLine(), "--evaluator, --num and --length go with --gen-ppl");
        }
        Split s = switch (split) {
            case "valid" -> Split.VALID;
            case "test" -> Split.TEST;
            default -> throw new ParameterException(spec.commandLine(), "--split must be valid or test, not '" + split + "'");
        };
        if (full && windows != null) {
            throw new ParameterException(spec.commandLine(), "--full evaluates every window; drop --windows");
        }
        if (data != null && !data.isEmpty()) {
            return zeroShot(s);
        }
        LoadedModel model = loadModel();
        InferenceModel.check(model.spec(), model.checkpoint());
        EvalRequest request = request(model.config().train());
        TokenStream tokens = model.pipeline().domain().read(s);
        EvalResult r;
        try (EvalProgressDisplay progress = EvalProgressDisplay.open(spec.commandLine().getErr())) {
            r = Evaluator.evaluate(model.spec(), model.weights(), tokens, request, progress);
        }
        if (json) {
            Map<String, Object> j = new LinkedHashMap<>();
            j.put("split", split);
            j.put("step", model.checkpoint().step());
            j.put("weights", model.useRawWeights() ? "raw" : "ema");
            j.put("nats_per_token", r.natsPerToken());
            j.put("standard_error", r.standardError());
            ReportUnit units = ReportUnit.of(model.pipeline().domain());
            if (!units.unit().equals("token")) {
                j.put("token_unit", units.unit());
            }
            units.bitsPer().ifPresent(per -> j.put("bits_per_" + per, r.bitsPerToken()));
            j.put("perplexity", Math.exp(r.natsPerToken()));
            j.put("exact", r.exact());
            j.put("windows", r.windows());
            j.put("sequences", r.sequences());
            j.put("tokens", r.tokens());
            spec.commandLine().getOut().println(mapper.writerWithDefaultPrettyPrinter().writeValueAsString(j));
            return 0;
        }
        spec.commandLine().getOut().println(String.format(Locale.ROOT, "%s (step %d, %s weights, %d windows x %d): %s",
                split, model.checkpoint().step(), model.useRawWeights() ? "raw" : "EMA", r.windows(),
                r.sequences() / r.windows(), Reports.evaluation(r, ReportUnit.of(model.pipeline().domain()))));
        return 0;
    }

    private EvalRequest request(TrainConfig t) {
        return full
                ? EvalRequest.fullSplit(t.seqLen(), tSamples == null ? 1 : tSamples, t.samplingEps(), t.evalSeed())
                : EvalRequest.sampled(t.seqLen(), windows == null ? t.evalWindows() : windows,
                        tSamples == null ? t.evalTSamples() : tSamples, t.samplingEps(), t.evalSeed());
    }

    /** --data A,B,C: the same evaluation on each corpus, per token and per byte, as a table. */
    private Integer zeroShot(Split s) throws Exception {
        List<Map<String, Object>> rows = new ArrayList<>();
        PrintWriter out = spec.commandLine().getOut();
        LoadedModel first = null;
        for (String corpus : data) {
            if (corpus.isBlank()) {
                throw new ParameterException(spec.commandLine(), "--data has an empty entry; give PATH,PATH,...");
            }
            LoadedModel model = loadModel(List.of("domain.data=" + corpus.strip()));
            InferenceModel.check(model.spec(), model.checkpoint());
            first = first == null ? model : first;
            TokenStream tokens = model.pipeline().domain().read(s);
            EvalResult r;
            try (EvalProgressDisplay progress = EvalProgressDisplay.open(spec.commandLine().getErr())) {
                r = Evaluator.evaluate(model.spec(), model.weights(), tokens, request(model.config().train()), progress);
            }
            double bytesPerToken = BytesPerToken.of(model.pipeline().domain(), tokens);
            Map<String, Object> j = new LinkedHashMap<>();
            j.put("corpus", corpus.strip());
            j.put("split", split);
            j.put("split_tokens", tokens.length());
            j.put("nats_per_token", r.natsPerToken());
            j.put("standard_error", r.standardError());
            j.put("perplexity", Math.exp(r.natsPerToken()));
            j.put("bytes_per_token", bytesPerToken);
            j.put("bits_per_byte", r.natsPerToken() / bytesPerToken / Math.log(2));
            j.put("bits_per_byte_standard_error", r.standardError() / bytesPerToken / Math.log(2));
            j.put("exact", r.exact());
            j.put("windows", r.windows());
            j.put("tokens", r.tokens());
            rows.add(j);
        }
        if (json) {
            Map<String, Object> j = new LinkedHashMap<>();
            j.put("step", first.checkpoint().step());
            j.put("weights", first.useRawWeights() ? "raw" : "ema");
            j.put("tokenizer", first.config().tree().path("domain").path("tokenizer").asText(
                    first.config().providerName(ExtensionPoint.DOMAIN)));
            j.put("corpora", rows);
            out.println(mapper.writerWithDefaultPrettyPrinter().writeValueAsString(j));
            return 0;
        }
        out.println(String.format(Locale.ROOT, "zero-shot, split %s (step %d, %s weights; %s):", split,
                first.checkpoint().step(), first.useRawWeights() ? "raw" : "EMA",
                rows.get(0).get("exact").equals(Boolean.TRUE) ? "exact NLL" : "NELBO bound"));
        out.println(String.format(Locale.ROOT, "%-48s %12s %20s %12s %10s %18s", "corpus", "split tokens",
                "nats/token", "perplexity", "bytes/tok", "bits/byte"));
        for (Map<String, Object> r : rows) {
            out.println(String.format(Locale.ROOT, "%-48s %,12d %11.4f ± %6.4f %12.3f %10.3f %9.4f ± %6.4f",
                    r.get("corpus"), (Long) r.get("split_tokens"), (Double) r.get("nats_per_token"),
                    (Double) r.get("standard_error"), (Double) r.get("perplexity"), (Double) r.get("bytes_per_token"),
                    (Double) r.get("bits_per_byte"), (Double) r.get("bits_per_byte_standard_error")));
        }
        return 0;
    }

    /** --gen-ppl: samples the model, scores the samples with the evaluator. */
    private Integer generativePerplexity() throws Exception {
        if (evaluator == null) {
            throw new ParameterException(spec.commandLine(), "--gen-ppl needs --evaluator RUN_OR_CHECKPOINT, a model "
                    + "trained with the ar objective (e.g. mdlm train --set parameterization.type=ar)");
        }
        if (full || windows != null || tSamples != null || !split.equals("valid")) {
            throw new ParameterException(spec.commandLine(), "--gen-ppl scores samples, not a split: drop --split, "
                    + "--full, --windows and --t-samples");
        }
        List<String> shorthand = new ArrayList<>();
        if (num != null) {
            shorthand.add("sample.batch=" + num);
        }
        if (length != null) {
            shorthand.add("sample.length=" + length);
        }
        LoadedModel model = loadModel(shorthand);
        if (!Files.exists(evaluator)) {
            throw new ConfigException("--evaluator " + evaluator + " does not exist; give a run folder or a checkpoint "
                    + "file of a model trained with the ar objective");
        }
        LoadedModel judge = LoadedModel.load(ModelSource.of(evaluator), List.of(), resolver, mapper);
        checkEvaluator(model, judge);
        SampleSettings settings = model.config().sample();
        PrintWriter err = spec.commandLine().getErr();
        SamplingSession.Outcome samples = SamplingSession.sample(model.pipeline(), model.denoiser(), settings, err);
        int context = judge.checkpoint().config().seqLen();
        long t0 = System.nanoTime();
        GenerativePerplexity.Score score = GenerativePerplexity.score(judge.denoiser(), samples.tokens(), context);
        double scoringSeconds = (System.nanoTime() - t0) / 1e9;
        String sampler = model.config().providerName(ExtensionPoint.SAMPLER);
        JsonNode steps = model.config().tree().path("sampler").path("steps");
        Map<String, Object> j = new LinkedHashMap<>();
        j.put("metric", "generative_perplexity");
        j.put("gen_ppl", score.perplexity());
        j.put("nats_per_token", score.natsPerToken());
        j.put("scored_tokens", score.tokens());
        j.put("evaluator", evaluator.toString());
        j.put("evaluator_objective", judge.config().providerName(ExtensionPoint.PARAMETERIZATION));
        j.put("evaluator_step", judge.checkpoint().step());
        j.put("evaluator_context", context);
        j.put("windows_per_sample", score.windowsPerSample());
        j.put("model", source.path().toString());
        j.put("model_step", model.checkpoint().step());
        j.put("sampler", sampler);
        j.put("sampler_steps", steps.isNumber() ? steps.asInt() : null);
        j.put("samples", settings.batch());
        j.put("sample_length", settings.length());
        j.put("seed", settings.seed());
        j.put("nfe", samples.networkCalls());
        j.put("seconds_per_sample", samples.seconds() / settings.batch());
        j.put("sampling_seconds", samples.seconds());
        j.put("scoring_seconds", scoringSeconds);
        j.put("entropy_mean", samples.meanEntropy());
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(mapper.writerWithDefaultPrettyPrinter().writeValueAsString(j));
            return 0;
        }
        out.println(String.format(Locale.ROOT, "generative perplexity %.3f (%.4f nats/token over %d tokens) under "
                        + "evaluator %s (%s, step %d)%s", score.perplexity(), score.natsPerToken(), score.tokens(),
                evaluator, j.get("evaluator_objective"), judge.checkpoint().step(),
                score.windowsPerSample() == 1 ? "" : String.format(Locale.ROOT, "; each sample scored in %d windows "
                        + "of up to %d tokens (its training length), each from the BOS", score.windowsPerSample(),
                        score.window())));
        out.println(String.format(Locale.ROOT, "samples of the model (step %d): %d x %d tokens, sampler %s%s, %d network "
                        + "calls (NFE), %.3f s per sample, mean unigram entropy %.4f nats", model.checkpoint().step(),
                settings.batch(), settings.length(), sampler, steps.isNumber() ? " (" + steps.asInt() + " steps)" : "",
                samples.networkCalls(), samples.seconds() / settings.batch(), samples.meanEntropy()));
        return 0;
    }

    /** Refuses an evaluator that does not give next-token log-probs or has another vocabulary. */
    private void checkEvaluator(LoadedModel model, LoadedModel judge) {
        String objective = judge.config().providerName(ExtensionPoint.PARAMETERIZATION);
        DenoiserOutputKind kind = judge.spec().objective().outputKind();
        if (kind != DenoiserOutputKind.NEXT_TOKEN_LOG_PROBS) {
            throw new ConfigException("the evaluator " + evaluator + " was trained with the '" + objective
                    + "' objective, whose model gives " + kind.label() + "; generative perplexity needs a model "
                    + "trained with the ar objective (next-token log-probs), e.g. mdlm train --set "
                    + "parameterization.type=ar");
        }
        Vocabulary mine = model.pipeline().domain().vocabulary();
        Vocabulary theirs = judge.pipeline().domain().vocabulary();
        String why = vocabularyDifference(mine, theirs);
        if (why != null) {
            throw new ConfigException("the evaluator " + evaluator + " has a different vocabulary from the model ("
                    + why + "; evaluator domain '" + judge.config().providerName(ExtensionPoint.DOMAIN)
                    + "', model domain '" + model.config().providerName(ExtensionPoint.DOMAIN) + "'); train the ar "
                    + "evaluator on the model's domain");
        }
    }

    /** What differs between two vocabularies (size, mask id, a symbol), or null when they are the same. */
    static String vocabularyDifference(Vocabulary a, Vocabulary b) {
        if (a.size() != b.size()) {
            return "evaluator " + b.size() + " ids, model " + a.size();
        }
        if (a.maskId() != b.maskId()) {
            return "evaluator mask id " + b.maskId() + ", model " + a.maskId();
        }
        for (int id = 0; id < a.size(); id++) {
            if (!a.symbol(id).equals(b.symbol(id))) {
                return "id " + id + " is '" + b.symbol(id) + "' for the evaluator, '" + a.symbol(id) + "' for the model";
            }
        }
        return null;
    }
}
