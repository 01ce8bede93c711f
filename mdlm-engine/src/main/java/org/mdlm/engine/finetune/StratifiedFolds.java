package org.mdlm.engine.finetune;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.mdlm.api.domain.DataException;

/**
 * Disjoint folds stratified by class: the rows of each class, in a seeded random order, are dealt
 * round-robin into the k folds, the dealing of each class continuing at the fold after the one
 * where the previous class stopped. So every fold holds, of every class, its count divided by k
 * rounded down or up (counts per fold differ by at most 1), and the fold sizes differ by at most 1.
 */
public final class StratifiedFolds {

    private StratifiedFolds() {
    }

    /**
     * The row indices of each fold, ascending.
     *
     * @throws DataException when a class has fewer rows than folds (that fold would not see it)
     */
    public static List<int[]> split(ClassificationTask task, int folds, long seed) {
        if (folds < 2) {
            throw new IllegalArgumentException("folds must be at least 2, got " + folds);
        }
        int[] counts = task.classCounts();
        for (int c = 0; c < counts.length; c++) {
            if (counts[c] < folds) {
                throw new DataException("class '" + task.classes().get(c) + "' has " + counts[c] + " row"
                        + (counts[c] == 1 ? "" : "s") + " in " + task.source() + ", fewer than the " + folds
                        + " folds, so some fold would not hold it; use at most " + Math.max(2, counts[c])
                        + " folds, or more rows (a larger --limit, or the whole file)");
            }
        }
        int[] labels = task.labels();
        List<List<Integer>> members = new ArrayList<>();
        for (int f = 0; f < folds; f++) {
            members.add(new ArrayList<>());
        }
        int next = 0;
        for (int c = 0; c < counts.length; c++) {
            int[] rows = new int[counts[c]];
            int n = 0;
            for (int i = 0; i < labels.length; i++) {
                if (labels[i] == c) {
                    rows[n++] = i;
                }
            }
            shuffle(rows, FineTuneSeeds.rng(seed, FineTuneSeeds.FOLDS, c));
            for (int row : rows) {
                members.get(next).add(row);
                next = (next + 1) % folds;
            }
        }
        List<int[]> out = new ArrayList<>();
        for (List<Integer> m : members) {
            int[] a = m.stream().mapToInt(Integer::intValue).toArray();
            Arrays.sort(a);
            out.add(a);
        }
        return out;
    }

    /** The rows of every fold but {@code heldOut}, ascending. */
    public static int[] trainingRows(List<int[]> folds, int heldOut) {
        return IntStream.range(0, folds.size()).filter(f -> f != heldOut).flatMap(f -> Arrays.stream(folds.get(f)))
                .sorted().toArray();
    }

    /** Fisher-Yates. */
    static void shuffle(int[] a, SplittableRandom rng) {
        for (int i = a.length - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            int t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
    }
}
