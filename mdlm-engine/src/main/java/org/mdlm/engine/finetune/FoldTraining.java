package org.mdlm.engine.finetune;

import java.util.List;
import java.util.Map;
import org.mdlm.engine.GraphOutputs;
import org.mdlm.engine.GraphTrainer;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Trains one fold's classifier and scores it on the rows held out: batches of the training rows
 * in a seeded order per epoch (every row once per epoch, the last batch of an epoch possibly
 * smaller), AdamW at a constant learning rate with global-norm clipping, for the configured budget;
 * then the most probable class of every held-out row.
 */
final class FoldTraining {

    /** Progress is reported at every epoch's end, and every this many steps within longer epochs. */
    static final int MAX_REPORT_INTERVAL = 100;

    private FoldTraining() {
    }

    /**
     * Trains {@code train} (initialised by the caller) and scores {@code score}, which is either the
     * same graph or one without dropout whose weights are copied from it first.
     */
    static FoldResult run(String arm, int fold, ClassifierGraph train, ClassifierGraph score, ClassificationTask task,
                          int[] trainRows, int[] testRows, FineTuneConfig config, FineTuneListener listener) {
        long t0 = System.nanoTime();
        int steps = config.stepsFor(trainRows.length);
        int perEpoch = config.batchesPerEpoch(trainRows.length);
        int reportEvery = Math.min(perEpoch, MAX_REPORT_INTERVAL);
        listener.foldStarted(arm, fold, trainRows.length, testRows.length, steps);
        GraphTrainer trainer = new GraphTrainer(train.sameDiff(), train.feeds(), ClassifierGraph.LOSS, 0.9, 0.999,
                config.weightDecay(), config.gradClip());
        int[] order = null;
        double lossSum = 0;
        int lossCount = 0;
        double lastMean = Double.NaN;
        for (int s = 0; s < steps; s++) {
            int epoch = s / perEpoch;
            int b = s % perEpoch;
            if (b == 0) {
                order = trainRows.clone();
                StratifiedFolds.shuffle(order, FineTuneSeeds.rng(config.seed(), FineTuneSeeds.ORDER, fold, epoch));
            }
            int from = b * config.batchSize();
            int to = Math.min(order.length, from + config.batchSize());
            int[][] tokens = new int[to - from][];
            int[] labels = new int[to - from];
            for (int i = from; i < to; i++) {
                tokens[i - from] = task.rows().get(order[i]).tokens();
                labels[i - from] = task.rows().get(order[i]).label();
            }
            Map<String, INDArray> ph = train.placeholders(tokens, labels,
                    FineTuneSeeds.rng(config.seed(), FineTuneSeeds.FEEDS, fold, s));
            lossSum += trainer.step(ph, config.lr()).loss();
            lossCount++;
            if ((s + 1) % reportEvery == 0 || s + 1 == steps || b + 1 == perEpoch) {
                lastMean = lossSum / lossCount;
                listener.progress(arm, fold, s + 1, steps, epoch + 1, lastMean);
                lossSum = 0;
                lossCount = 0;
            }
        }
        if (score != train) {
            score.copyParamsFrom(train);
        }
        int[][] confusion = score(score, task, testRows, config.evalBatch());
        int correct = 0;
        for (int c = 0; c < confusion.length; c++) {
            correct += confusion[c][c];
        }
        FoldResult r = new FoldResult(fold, trainRows.length, testRows.length, correct, steps, lastMean,
                (System.nanoTime() - t0) / 1e9, confusion);
        listener.foldFinished(arm, r);
        return r;
    }

    /** Counts [true class][most probable class] over {@code rows}, scored in batches of {@code batch}. */
    static int[][] score(ClassifierGraph graph, ClassificationTask task, int[] rows, int batch) {
        int classes = graph.classes();
        int[][] confusion = new int[classes][classes];
        GraphOutputs outputs = new GraphOutputs(graph.sameDiff());
        for (int from = 0; from < rows.length; from += batch) {
            int to = Math.min(rows.length, from + batch);
            int[][] tokens = new int[to - from][];
            for (int i = from; i < to; i++) {
                tokens[i - from] = task.rows().get(rows[i]).tokens();
            }
            INDArray logits = outputs.run(graph.placeholders(tokens, null, FineTuneSeeds.rng(0, FineTuneSeeds.FEEDS)),
                    List.of(ClassifierGraph.LOGITS)).get(ClassifierGraph.LOGITS);
            for (int i = from; i < to; i++) {
                int best = 0;
                for (int c = 1; c < classes; c++) {
                    if (logits.getDouble(i - from, c) > logits.getDouble(i - from, best)) {
                        best = c;
                    }
                }
                confusion[task.rows().get(rows[i]).label()][best]++;
            }
        }
        return confusion;
    }
}
