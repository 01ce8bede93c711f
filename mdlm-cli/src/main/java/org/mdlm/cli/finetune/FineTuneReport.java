package org.mdlm.cli.finetune;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.mdlm.cli.ablate.GridProgress;
import org.mdlm.engine.finetune.ClassificationTask;
import org.mdlm.engine.finetune.CrossValidationResult;
import org.mdlm.engine.finetune.FineTuneConfig;
import org.mdlm.engine.finetune.FoldResult;

/**
 * The reports of a fine-tune, from the folds finished so far: {@code finetune.json} (settings, task,
 * per initialisation the mean and sample standard deviation of the held-out accuracy and every
 * fold's figures) and {@code finetune.md} (a table: initialisation, mean ± sd, each fold, time).
 */
public final class FineTuneReport {

    private final FineTuneSetup setup;
    private final Map<String, List<FoldResult>> folds = new LinkedHashMap<>();
    private final Map<String, List<String>> unused = new LinkedHashMap<>();

    /** An empty report for {@code setup}. */
    public FineTuneReport(FineTuneSetup setup) {
        this.setup = setup;
        for (String arm : setup.arms()) {
            folds.put(arm, new ArrayList<>());
            unused.put(arm, List.of());
        }
    }

    /** Records a finished fold of {@code arm}. */
    public void add(String arm, FoldResult fold) {
        folds.computeIfAbsent(arm, a -> new ArrayList<>()).add(fold);
    }

    /** Records an initialisation's result (its folds and the weights it did not use). */
    public void set(CrossValidationResult result) {
        folds.put(result.arm(), new ArrayList<>(result.folds()));
        unused.put(result.arm(), result.unusedWeights());
    }

    /** The results so far, one per initialisation that finished at least one fold. */
    public List<CrossValidationResult> results() {
        List<CrossValidationResult> out = new ArrayList<>();
        folds.forEach((arm, f) -> {
            if (!f.isEmpty()) {
                out.add(new CrossValidationResult(arm, f, unused.getOrDefault(arm, List.of())));
            }
        });
        return out;
    }

    /** Whether every fold of every initialisation has finished. */
    public boolean complete() {
        return setup.arms().stream().allMatch(a -> folds.get(a).size() == setup.config().folds());
    }

    /** The content of {@code finetune.json}. */
    public Map<String, Object> json() {
        ClassificationTask task = setup.task();
        FineTuneConfig c = setup.config();
        Map<String, Object> j = new LinkedHashMap<>();
        j.put("complete", complete());
        j.put("checkpoint", setup.checkpoint());
        j.put("checkpoint_step", setup.checkpointStep());
        j.put("model", setup.model());
        j.put("weights", setup.weights());
        Map<String, Object> t = new LinkedHashMap<>();
        t.put("file", task.source());
        t.put("rows", task.size());
        t.put("sequence_length", task.length());
        Map<String, Integer> counts = new LinkedHashMap<>();
        int[] n = task.classCounts();
        for (int i = 0; i < n.length; i++) {
            counts.put(task.classes().get(i), n[i]);
        }
        t.put("classes", counts);
        t.put("changed_characters", task.changedCharacters() < 0 ? null : task.changedCharacters());
        t.put("padded_rows", task.paddedRows());
        j.put("task", t);
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("folds", c.folds());
        s.put("epochs", c.epochs() > 0 ? c.epochs() : null);
        s.put("steps", c.steps() > 0 ? c.steps() : null);
        s.put("batch", c.batchSize());
        s.put("lr", c.lr());
        s.put("weight_decay", c.weightDecay());
        s.put("grad_clip", c.gradClip());
        s.put("seed", c.seed());
        s.put("dropout", c.dropout());
        s.put("eval_batch", c.evalBatch());
        s.put("optimizer", "AdamW (betas 0.9, 0.999), constant learning rate");
        s.put("initialisations", setup.arms());
        j.put("settings", s);
        List<Map<String, Object>> results = new ArrayList<>();
        for (CrossValidationResult r : results()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("initialisation", r.arm());
            m.put("folds_done", r.folds().size());
            m.put("accuracy_mean", r.mean());
            m.put("accuracy_sd", Double.isNaN(r.sd()) ? null : r.sd());
            m.put("accuracies", r.accuracies());
            m.put("seconds", r.seconds());
            m.put("unused_weights", r.unusedWeights());
            List<Map<String, Object>> fs = new ArrayList<>();
            for (FoldResult f : r.folds()) {
                Map<String, Object> fm = new LinkedHashMap<>();
                fm.put("fold", f.fold() + 1);
                fm.put("train_rows", f.trainRows());
                fm.put("test_rows", f.testRows());
                fm.put("correct", f.correct());
                fm.put("accuracy", f.accuracy());
                fm.put("steps", f.steps());
                fm.put("final_train_loss", f.finalLoss());
                fm.put("seconds", f.seconds());
                fm.put("confusion", f.confusion());
                fs.add(fm);
            }
            m.put("folds", fs);
            results.add(m);
        }
        j.put("results", results);
        j.put("provenance", setup.provenance());
        return j;
    }

    /** The content of {@code finetune.md}. */
    public String markdown() {
        ClassificationTask task = setup.task();
        FineTuneConfig c = setup.config();
        StringBuilder b = new StringBuilder();
        b.append("# Fine-tuning on ").append(Path.of(task.source()).getFileName()).append("\n\n");
        b.append(String.format(Locale.ROOT, "Checkpoint `%s` (step %d, `%s`, %s weights). Task `%s`: %d rows of %d"
                        + " tokens; classes %s.%n%n", setup.checkpoint(), setup.checkpointStep(), setup.model(),
                setup.weights().equals("ema") ? "EMA" : "raw", task.source(), task.size(), task.length(),
                classCounts(task)));
        b.append(String.format(Locale.ROOT, "%d-fold stratified cross-validation (seed %d). Each fold trains on the"
                        + " other folds for %s, batch %d, AdamW lr %s, weight decay %s, clip %s, %s, and scores held-out"
                        + " accuracy. Mean ± sample standard deviation over folds.%n%n", c.folds(), c.seed(),
                c.epochs() > 0 ? c.epochs() + " epoch" + (c.epochs() == 1 ? "" : "s") : c.steps() + " steps",
                c.batchSize(), num(c.lr()), num(c.weightDecay()), num(c.gradClip()),
                c.dropout() ? "the backbone's dropout" : "no dropout"));
        if (!complete()) {
            b.append("**Incomplete**: the folds finished so far.\n\n");
        }
        b.append("| initialisation | accuracy (mean ± sd) |");
        for (int f = 1; f <= c.folds(); f++) {
            b.append(" fold ").append(f).append(" |");
        }
        b.append(" time |\n|---|---|");
        b.append("---|".repeat(c.folds()));
        b.append("---|\n");
        for (CrossValidationResult r : results()) {
            b.append("| ").append(r.arm()).append(" | ")
                    .append(String.format(Locale.ROOT, "%.4f ± %s", r.mean(),
                            Double.isNaN(r.sd()) ? "n/a" : String.format(Locale.ROOT, "%.4f", r.sd()))).append(" |");
            for (int f = 0; f < c.folds(); f++) {
                b.append(f < r.folds().size() ? String.format(Locale.ROOT, " %.4f |", r.folds().get(f).accuracy())
                        : " |");
            }
            b.append(' ').append(GridProgress.duration(r.seconds())).append(" |\n");
        }
        return b.toString();
    }

    private static String classCounts(ClassificationTask task) {
        List<String> parts = new ArrayList<>();
        int[] n = task.classCounts();
        for (int i = 0; i < n.length; i++) {
            parts.add(task.classes().get(i) + " " + n[i]);
        }
        return String.join(", ", parts);
    }

    private static String num(double x) {
        return x == Math.rint(x) && Math.abs(x) < 1e6 ? String.valueOf((long) x) : String.valueOf(x);
    }
}
