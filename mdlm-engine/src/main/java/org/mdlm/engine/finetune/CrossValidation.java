package org.mdlm.engine.finetune;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.mdlm.api.domain.Vocabulary;
import org.mdlm.api.model.Backbone;
import org.mdlm.engine.GraphOutputs;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * k-fold cross-validation of a classifier on a backbone: the stratified folds are drawn once from
 * the seed, and each initialisation ("arm") trains one model per fold on the other k-1 folds and
 * scores it on that fold. A pretrained arm loads the given weights into every backbone variable by
 * name; a scratch arm starts from the backbone's own initialisation, seeded per fold. Both arms of a
 * fold share the head's initialisation, the batch order and the dropout masks, so they differ only
 * in the backbone's starting weights.
 */
public final class CrossValidation {

    private final Backbone backbone;
    private final Vocabulary vocabulary;
    private final ClassificationTask task;
    private final FineTuneConfig config;
    private final List<int[]> folds;

    /**
     * Draws the folds.
     *
     * @throws org.mdlm.api.domain.DataException when a class has fewer rows than folds
     */
    public CrossValidation(Backbone backbone, Vocabulary vocabulary, ClassificationTask task, FineTuneConfig config) {
        this.backbone = Objects.requireNonNull(backbone, "backbone");
        this.vocabulary = Objects.requireNonNull(vocabulary, "vocabulary");
        this.task = Objects.requireNonNull(task, "task");
        this.config = Objects.requireNonNull(config, "config");
        this.folds = StratifiedFolds.split(task, config.folds(), config.seed());
    }

    /** The row indices of each fold, ascending. */
    public List<int[]> folds() {
        return folds;
    }

    /**
     * Builds the classifier once, loads {@code pretrained} into it (when given) and runs the first
     * rows through it, so that weights that do not fit the backbone, or sequences the backbone
     * refuses (e.g. a length it cannot take), fail before anything is trained.
     *
     * @param pretrained weights for the backbone by name, or null
     * @return the names of the pretrained weights the classifier does not use, sorted
     * @throws IllegalArgumentException naming what does not fit
     */
    public List<String> check(Map<String, INDArray> pretrained) {
        ClassifierGraph g = ClassifierGraph.build(backbone, vocabulary, task.classes().size(), false,
                FineTuneSeeds.value(config.seed(), FineTuneSeeds.SCRATCH, 0),
                FineTuneSeeds.value(config.seed(), FineTuneSeeds.HEAD, 0));
        List<String> unused = pretrained == null ? List.of() : g.loadBackbone(pretrained);
        int n = Math.min(2, task.size());
        int[][] tokens = new int[n][];
        for (int i = 0; i < n; i++) {
            tokens[i] = task.rows().get(i).tokens();
        }
        new GraphOutputs(g.sameDiff()).run(g.placeholders(tokens, null, FineTuneSeeds.rng(config.seed(),
                FineTuneSeeds.FEEDS)), List.of(ClassifierGraph.LOGITS));
        return unused;
    }

    /** Optimizer steps of one arm over all folds. */
    public int stepsPerArm() {
        int s = 0;
        for (int f = 0; f < folds.size(); f++) {
            s += config.stepsFor(task.size() - folds.get(f).length);
        }
        return s;
    }

    /**
     * Trains and scores one model per fold.
     *
     * @param arm the initialisation's name in reports
     * @param pretrained weights for the backbone by name (e.g. a checkpoint's EMA weights), or null
     *                   for a fresh seeded initialisation
     * @param listener progress receiver; null for none
     * @throws IllegalArgumentException when pretrained weights lack a backbone variable or shape it otherwise
     */
    public CrossValidationResult run(String arm, Map<String, INDArray> pretrained, FineTuneListener listener) {
        FineTuneListener l = listener == null ? FineTuneListener.NONE : listener;
        List<FoldResult> results = new ArrayList<>();
        List<String> unused = List.of();
        for (int f = 0; f < folds.size(); f++) {
            long backboneSeed = FineTuneSeeds.value(config.seed(), FineTuneSeeds.SCRATCH, f);
            long headSeed = FineTuneSeeds.value(config.seed(), FineTuneSeeds.HEAD, f);
            ClassifierGraph train = ClassifierGraph.build(backbone, vocabulary, task.classes().size(), config.dropout(),
                    backboneSeed, headSeed);
            if (pretrained != null) {
                unused = train.loadBackbone(pretrained);
            }
            ClassifierGraph score = config.dropout()
                    ? ClassifierGraph.build(backbone, vocabulary, task.classes().size(), false, backboneSeed, headSeed)
                    : train;
            results.add(FoldTraining.run(arm, f, train, score, task, StratifiedFolds.trainingRows(folds, f),
                    folds.get(f), config, l));
        }
        return new CrossValidationResult(arm, results, unused);
    }
}
