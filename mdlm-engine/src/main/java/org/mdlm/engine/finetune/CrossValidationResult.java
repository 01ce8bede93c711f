package org.mdlm.engine.finetune;

import java.util.List;

/**
 * The folds of one initialisation (pretrained or scratch), with the mean and the sample standard
 * deviation of their held-out accuracies.
 *
 * @param arm the initialisation's name, e.g. {@code "pretrained"} or {@code "scratch"}
 * @param folds one result per fold, in fold order
 * @param unusedWeights names of the pretrained weights that are not backbone variables (e.g. the
 *                      language model's output layer); empty for a fresh initialisation
 */
public record CrossValidationResult(String arm, List<FoldResult> folds, List<String> unusedWeights) {

    /** Copies the lists. */
    public CrossValidationResult {
        folds = List.copyOf(folds);
        unusedWeights = List.copyOf(unusedWeights);
    }

    /** The held-out accuracy of each fold, in fold order. */
    public double[] accuracies() {
        return folds.stream().mapToDouble(FoldResult::accuracy).toArray();
    }

    /** The mean held-out accuracy over folds. */
    public double mean() {
        double[] a = accuracies();
        double s = 0;
        for (double x : a) {
            s += x;
        }
        return s / a.length;
    }

    /** The sample standard deviation (n - 1) of the held-out accuracies over folds; NaN for one fold. */
    public double sd() {
        double[] a = accuracies();
        if (a.length < 2) {
            return Double.NaN;
        }
        double m = mean();
        double ss = 0;
        for (double x : a) {
            ss += (x - m) * (x - m);
        }
        return Math.sqrt(ss / (a.length - 1));
    }

    /** Wall time over all folds, in seconds. */
    public double seconds() {
        return folds.stream().mapToDouble(FoldResult::seconds).sum();
    }
}
