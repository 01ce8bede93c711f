package org.mdlm.engine.finetune;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.mdlm.api.domain.Vocabulary;
import org.mdlm.api.model.AttentionPattern;
import org.mdlm.api.model.Backbone;
import org.mdlm.api.model.BackboneInputs;
import org.mdlm.engine.GraphOutputs;
import org.mdlm.engine.PlaceholderFeeds;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Cross-validation learns a learnable task far above chance, reports its folds to the listener, and
 * a pretrained initialisation puts the given weights into every backbone variable (the first
 * forward's features are the pretrained backbone's).
 */
class CrossValidationTest {

    private static final Vocabulary VOCAB = new LetterDomain(false).vocabulary();

    @Test
    void theMajorityBaseIsLearnedFarAboveChanceInEveryFold() {
        ClassificationTask task = Tasks.majority(90, 9, 5);
        FineTuneConfig config = new FineTuneConfig(3, 40, 0, 16, 0.05, 0.0, 1.0, 3, false, 64);
        List<String> events = new ArrayList<>();
        int[] lastStep = new int[3];
        FineTuneListener listener = new FineTuneListener() {
            @Override
            public void foldStarted(String arm, int fold, int trainRows, int testRows, int steps) {
                events.add(arm + " start " + fold + " " + trainRows + "/" + testRows + " " + steps);
            }

            @Override
            public void progress(String arm, int fold, int step, int steps, int epoch, double meanLoss) {
                lastStep[fold] = step;
                assertTrue(Double.isFinite(meanLoss) && meanLoss >= 0, "loss " + meanLoss);
            }

            @Override
            public void foldFinished(String arm, FoldResult r) {
                events.add(arm + " end " + r.fold());
            }
        };
        CrossValidation cv = new CrossValidation(new EmbeddingBackbone(4), VOCAB, task, config);
        CrossValidationResult r = cv.run("scratch", null, listener);

        // 60 training rows per fold in batches of 16: 4 batches per epoch, 40 epochs.
        assertEquals(List.of("scratch start 0 60/30 160", "scratch end 0", "scratch start 1 60/30 160",
                "scratch end 1", "scratch start 2 60/30 160", "scratch end 2"), events);
        assertEquals(480, cv.stepsPerArm());
        for (int f = 0; f < 3; f++) {
            assertEquals(160, lastStep[f], "the last progress call is at the last step");
            assertTrue(r.folds().get(f).accuracy() >= 0.75, "fold " + f + ": " + r.folds().get(f).accuracy());
            int[][] m = r.folds().get(f).confusion();
            assertEquals(30, m[0][0] + m[0][1] + m[1][0] + m[1][1], "every held-out row scored once");
        }
        assertTrue(r.mean() >= 0.85, "mean accuracy " + r.mean() + " (chance is about 0.5)");
        assertTrue(r.sd() >= 0 && r.sd() < 0.15, "sd " + r.sd());
    }

    @Test
    void meanAndSampleStandardDeviationOfTheFolds() {
        List<FoldResult> folds = List.of(fold(0, 8, 10), fold(1, 6, 10), fold(2, 7, 10));
        CrossValidationResult r = new CrossValidationResult("x", folds, List.of());
        assertEquals(0.7, r.mean(), 1e-12);
        assertEquals(0.1, r.sd(), 1e-12, "sqrt(((0.1)^2 + (0.1)^2 + 0) / 2)");
    }

    @Test
    void pretrainedWeightsGiveThePretrainedBackbonesFeaturesAtTheFirstForward() {
        Backbone backbone = new EmbeddingBackbone(4);
        Map<String, INDArray> pretrained = new HashMap<>();
        pretrained.put(EmbeddingBackbone.EMB, EmbeddingBackbone.uniform(new SplittableRandom(100), 6, 4).mul(3));
        pretrained.put(EmbeddingBackbone.PROJ, EmbeddingBackbone.uniform(new SplittableRandom(101), 4, 4).mul(3));
        pretrained.put("out", Nd4j.zeros(DataType.FLOAT, 4, 6));
        int[][] tokens = {{0, 1, 2, 3, 4}, {3, 3, 1, 0, 2}};

        // The pretrained backbone alone, built from another seed, its variables set, run by SameDiff's own session.
        SameDiff alone = SameDiff.create();
        PlaceholderFeeds feeds = new PlaceholderFeeds(alone);
        SDVariable f = backbone.features(alone, new BackboneInputs(alone.placeHolder("xt", DataType.INT32, -1, -1),
                alone.placeHolder("sigma", DataType.FLOAT, -1), null, AttentionPattern.BIDIRECTIONAL, VOCAB, false, 77,
                feeds));
        pretrained.forEach((n, v) -> {
            if (alone.hasVariable(n)) {
                alone.getArrForVarName(n).assign(v);
            }
        });
        INDArray expected = alone.output(Map.of("xt", Nd4j.createFromArray(tokens), "sigma",
                Nd4j.zeros(DataType.FLOAT, 2)), f.name()).get(f.name());

        ClassifierGraph g = ClassifierGraph.build(backbone, VOCAB, 3, false, 1, 2);
        GraphOutputs outputs = new GraphOutputs(g.sameDiff());
        INDArray fresh = outputs.run(g.placeholders(tokens, null, new SplittableRandom(0)),
                List.of(ClassifierGraph.FEATURES)).get(ClassifierGraph.FEATURES);
        assertTrue(fresh.sub(expected).amaxNumber().doubleValue() > 0.1, "a fresh backbone computes other features");

        List<String> unused = g.loadBackbone(pretrained);
        assertEquals(List.of("out"), unused, "the language-model head is not part of the classifier");
        INDArray loaded = outputs.run(g.placeholders(tokens, null, new SplittableRandom(0)),
                List.of(ClassifierGraph.FEATURES)).get(ClassifierGraph.FEATURES);
        assertEquals(List.of(2L, 5L, 4L), List.of(loaded.size(0), loaded.size(1), loaded.size(2)));
        assertTrue(loaded.sub(expected).amaxNumber().doubleValue() < 1e-6, "features equal the pretrained backbone's");
    }

    @Test
    void missingOrMisshapenBackboneWeightsAreNamed() {
        ClassifierGraph g = ClassifierGraph.build(new EmbeddingBackbone(4), VOCAB, 2, false, 1, 2);
        Map<String, INDArray> weights = Map.of(EmbeddingBackbone.EMB, Nd4j.zeros(DataType.FLOAT, 7, 4));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> g.loadBackbone(weights));
        assertTrue(e.getMessage().contains("'emb' has shape [7, 4] but the backbone needs [6, 4]"), e.getMessage());
        assertTrue(e.getMessage().contains("'proj' [4, 4] is missing"), e.getMessage());
    }

    @Test
    void aBackboneWithoutFeaturesIsRefused() {
        Backbone logitsOnly = new Backbone() {
            @Override
            public SDVariable logits(SameDiff sd, BackboneInputs in) {
                throw new AssertionError("not called");
            }

            @Override
            public boolean timeConditioned() {
                return false;
            }
        };
        UnsupportedOperationException e = assertThrows(UnsupportedOperationException.class,
                () -> ClassifierGraph.build(logitsOnly, VOCAB, 2, false, 1, 2));
        assertTrue(e.getMessage().contains("does not expose"), e.getMessage());
    }

    private static FoldResult fold(int i, int correct, int n) {
        return new FoldResult(i, 0, n, correct, 1, 0.0, 0.0, new int[2][2]);
    }
}
