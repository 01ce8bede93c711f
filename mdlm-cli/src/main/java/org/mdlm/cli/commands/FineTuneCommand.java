package org.mdlm.cli.commands;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.inject.Inject;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.mdlm.api.model.Backbone;
import org.mdlm.api.plugin.ExtensionPoint;
import org.mdlm.api.plugin.PluginRegistry;
import org.mdlm.cli.config.ConfigException;
import org.mdlm.cli.config.ConfigResolver;
import org.mdlm.cli.finetune.FineTuneFolder;
import org.mdlm.cli.finetune.FineTuneProgress;
import org.mdlm.cli.finetune.FineTuneRecorder;
import org.mdlm.cli.finetune.FineTuneReport;
import org.mdlm.cli.finetune.FineTuneSetup;
import org.mdlm.cli.run.Provenance;
import org.mdlm.engine.InferenceModel;
import org.mdlm.engine.finetune.ClassificationTask;
import org.mdlm.engine.finetune.CrossValidation;
import org.mdlm.engine.finetune.CrossValidationResult;
import org.mdlm.engine.finetune.FineTuneConfig;
import org.mdlm.engine.finetune.TaskFileReader;
import org.nd4j.linalg.api.ndarray.INDArray;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/** {@code mdlm finetune}: cross-validated sequence classification on a pretrained backbone, against one trained from scratch. */
@Command(name = "finetune", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Fine-tune a pretrained model's backbone for sequence classification,",
                "with k-fold cross-validation, beside the same network trained from scratch.",
                "The task file has one 'sequence<TAB>label' row per line (an optional",
                "header line 'seq<TAB>label' is skipped). Sequences are encoded by the",
                "model's domain (dna: any letter other than A, C, G, T reads as N) and must",
                "all encode to one length, unless the vocabulary has a padding token (then",
                "shorter ones are padded).",
                "The classifier: the backbone's features (no output layer; bidirectional",
                "attention, sigma 0, no dropout unless --dropout), mean-pooled over the",
                "sequence, then a linear head and softmax cross-entropy. Every backbone",
                "variable loads by name from the checkpoint's EMA weights (--raw: the raw",
                "ones); the head starts from the seed.",
                "Folds are stratified by label; each fold trains on the other folds with",
                "AdamW for the same budget and is scored by held-out accuracy. The scratch",
                "baseline has the same architecture and budget from a fresh seeded",
                "initialisation. Prints a line per fold and epoch with the time left; writes",
                "finetune.json and finetune.md (mean ± sd of accuracy, every fold) to --out.",
                "--set takes model.* keys that leave the weights' shapes alone, e.g.",
                "model.scan_chunk=20 for a caduceus checkpoint on 60-base sequences; a",
                "change that reshapes a weight is refused when the weights load."},
        footer = {"", "Example:",
                "  mdlm finetune --checkpoint runs/dna/checkpoints/ckpt-002000.zip \\",
                "      --task splice-junctions.tsv --folds 5 --epochs 3"})
public final class FineTuneCommand extends ModelCommand {

    @Option(names = "--task", paramLabel = "FILE.tsv", required = true,
            description = "The labelled sequences: one 'sequence<TAB>label' row per line.")
    Path task;
    @Option(names = "--folds", paramLabel = "K", defaultValue = "5",
            description = "Number of cross-validation folds (default: ${DEFAULT-VALUE}).")
    int folds;
    @Option(names = "--epochs", paramLabel = "N",
            description = "Training budget per fold in passes over its training rows (default: 3 unless --steps).")
    Integer epochs;
    @Option(names = "--steps", paramLabel = "N",
            description = "Training budget per fold in optimizer steps, instead of --epochs.")
    Integer steps;
    @Option(names = "--batch", paramLabel = "B", defaultValue = "32",
            description = "Training sequences per step (default: ${DEFAULT-VALUE}).")
    int batch;
    @Option(names = "--lr", paramLabel = "LR", defaultValue = "1e-3",
            description = "AdamW learning rate, constant (default: ${DEFAULT-VALUE}).")
    double lr;
    @Option(names = "--weight-decay", paramLabel = "WD", defaultValue = "0.01",
            description = "AdamW decoupled weight decay (default: ${DEFAULT-VALUE}).")
    double weightDecay;
    @Option(names = "--grad-clip", paramLabel = "NORM", defaultValue = "1.0",
            description = "Largest global gradient norm; 0 for none (default: ${DEFAULT-VALUE}).")
    double gradClip;
    @Option(names = "--seed", paramLabel = "S", defaultValue = "0",
            description = "Seed of the folds, the head, the batch order and the scratch initialisation "
                    + "(default: ${DEFAULT-VALUE}).")
    long seed;
    @Option(names = "--limit", paramLabel = "N", defaultValue = "0",
            description = "Use only the first N rows of the task file, for quick runs (default: all).")
    int limit;
    @Option(names = "--baseline", paramLabel = "scratch|none", defaultValue = "scratch",
            description = "scratch: also cross-validate the same network from a fresh initialisation (default); "
                    + "none: only the pretrained one.")
    String baseline;
    @Option(names = "--dropout", paramLabel = "P", defaultValue = "0",
            description = "Dropout probability in the backbone while fine-tuning (sets model.dropout; default: "
                    + "${DEFAULT-VALUE}, none).")
    double dropout;
    @Option(names = "--out", paramLabel = "DIR",
            description = "Output folder (default: runs/finetune-<task>-<date-time>).")
    Path out;
    @Option(names = "--overwrite", description = "Replace the reports of a fine-tune already in the --out folder.")
    boolean overwrite;

    private final PluginRegistry registry;

    /** Creates the command. */
    @Inject
    public FineTuneCommand(ConfigResolver resolver, ObjectMapper mapper, PluginRegistry registry) {
        super(resolver, mapper);
        this.registry = registry;
    }

    /** Settings of the backbone that leave its weights' shapes alone, e.g. a Caduceus scan chunk. */
    @Override
    List<String> overridablePrefixes() {
        return List.of("model.");
    }

    @Override
    public Integer call() {
        if (epochs != null && steps != null) {
            throw new ParameterException(spec.commandLine(), "give the budget as --epochs or as --steps, not both");
        }
        if (!baseline.equals("scratch") && !baseline.equals("none")) {
            throw new ParameterException(spec.commandLine(), "--baseline must be scratch or none, not '" + baseline + "'");
        }
        if (limit < 0) {
            throw new ParameterException(spec.commandLine(), "--limit must be 0 (all rows) or a positive number of rows");
        }
        if (!(dropout >= 0 && dropout < 1)) {
            throw new ParameterException(spec.commandLine(), "--dropout must be in [0, 1), got " + dropout);
        }
        FineTuneConfig config = new FineTuneConfig(folds, steps != null ? 0 : epochs != null ? epochs : 3,
                steps != null ? steps : 0, batch, lr, weightDecay, gradClip, seed, dropout > 0, 128);
        LoadedModel model = loadModel(dropout > 0 ? List.of("model.dropout=" + dropout) : List.of());
        InferenceModel.check(model.spec(), model.checkpoint());
        String backboneName = model.config().providerName(ExtensionPoint.BACKBONE);
        requireFeatures(model.pipeline().backbone(), backboneName, source.path());
        ClassificationTask rows = TaskFileReader.read(task, model.pipeline().domain(), limit);
        PrintWriter err = spec.commandLine().getErr();
        List<String> arms = baseline.equals("scratch") ? List.of("pretrained", "scratch") : List.of("pretrained");
        Path dir = out != null ? out : FineTuneFolder.defaultFor(task);
        Map<String, INDArray> weights = model.weights();
        // Before anything is written: the folds are drawn (too few rows of a class is bad input), and the
        // classifier is built, loaded and run on the first rows (weights or lengths that do not fit).
        CrossValidation validation = new CrossValidation(model.pipeline().backbone(),
                model.pipeline().domain().vocabulary(), rows, config);
        List<String> unused;
        try {
            unused = validation.check(weights);
        } catch (IllegalArgumentException e) {
            throw new ConfigException("the model of " + source.path() + " cannot fine-tune on " + task + ": "
                    + e.getMessage() + (overrides.isEmpty() ? "" : " (with --set " + String.join(", ", overrides)
                    + ")"), e);
        }
        try (FineTuneFolder folder = FineTuneFolder.open(dir, overwrite)) {
            FineTuneSetup setup = new FineTuneSetup(source.path().toString(), model.checkpoint().step(),
                    model.spec().description(), model.useRawWeights() ? "raw" : "ema", rows, config, arms,
                    Provenance.of(model.config(), registry, "finetune"));
            describe(err, model, rows, config, backboneName, folder.path());
            if (!unused.isEmpty()) {
                err.println("finetune: checkpoint weights not used by the classifier: " + String.join(", ", unused));
            }
            FineTuneReport report = new FineTuneReport(setup);
            FineTuneProgress progress = new FineTuneProgress(err, folds,
                    (long) validation.stepsPerArm() * arms.size(), System::nanoTime);
            FineTuneRecorder recorder = new FineTuneRecorder(progress, report, folder, mapper);
            List<CrossValidationResult> results = new ArrayList<>();
            for (String arm : arms) {
                CrossValidationResult r = validation.run(arm, arm.equals("pretrained") ? weights : null, recorder);
                recorder.finished(r);
                results.add(r);
            }
            PrintWriter stdout = spec.commandLine().getOut();
            for (CrossValidationResult r : results) {
                stdout.println(String.format(Locale.ROOT, "%-10s accuracy %.4f ± %.4f over %d folds (%s)", r.arm(),
                        r.mean(), r.sd(), r.folds().size(), accuracies(r)));
            }
            stdout.println("written to " + folder.path().resolve(FineTuneFolder.JSON) + " and " + FineTuneFolder.MARKDOWN);
        }
        return 0;
    }

    /**
     * Refuses a backbone that does not expose its features.
     *
     * @throws ConfigException naming the backbone and the model file
     */
    static void requireFeatures(Backbone backbone, String name, Path model) {
        try {
            backbone.featureWidth();
        } catch (UnsupportedOperationException e) {
            throw new ConfigException("the backbone '" + name + "' of " + model + " does not expose its features"
                    + " (Backbone.features), which fine-tuning needs; use a checkpoint of a backbone that does, e.g. dit",
                    e);
        }
    }

    private void describe(PrintWriter err, LoadedModel model, ClassificationTask rows, FineTuneConfig config,
                          String backboneName, Path dir) {
        err.println(String.format(Locale.ROOT, "finetune: checkpoint %s (step %d, %s, %s weights, backbone %s with %d"
                        + " features per position)", source.path(), model.checkpoint().step(), model.spec().description(),
                model.useRawWeights() ? "raw" : "EMA", backboneName, model.pipeline().backbone().featureWidth()));
        StringBuilder counts = new StringBuilder();
        int[] n = rows.classCounts();
        for (int i = 0; i < n.length; i++) {
            counts.append(i == 0 ? "" : ", ").append(rows.classes().get(i)).append(' ').append(n[i]);
        }
        err.println(String.format(Locale.ROOT, "finetune: task %s: %d rows of %d tokens, classes %s%s%s", task,
                rows.size(), rows.length(), counts,
                rows.changedCharacters() > 0 ? "; " + rows.changedCharacters() + " characters the domain does not know"
                        + " were read as its unknown symbol (dna: N)" : "",
                rows.paddedRows() > 0 ? "; " + rows.paddedRows() + " rows padded" : ""));
        err.println(String.format(Locale.ROOT, "finetune: %d folds, %s per fold, batch %d, lr %s, weight decay %s;"
                        + " output folder %s", config.folds(), config.epochs() > 0 ? config.epochs() + " epochs"
                        : config.steps() + " steps", config.batchSize(), config.lr(), config.weightDecay(), dir));
    }

    private static String accuracies(CrossValidationResult r) {
        List<String> parts = new ArrayList<>();
        for (double a : r.accuracies()) {
            parts.add(String.format(Locale.ROOT, "%.4f", a));
        }
        return String.join(", ", parts);
    }
}
