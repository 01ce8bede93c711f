package org.mdlm.engine.finetune;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.mdlm.api.domain.DataException;

/** Folds are disjoint, cover every row, are stratified by class and balanced in size, and follow the seed. */
class StratifiedFoldsTest {

    private static final ClassificationTask TASK = Tasks.ofCounts(17, 11, 7);

    @Test
    void foldsAreDisjointAndCoverEveryRowOnce() {
        List<int[]> folds = StratifiedFolds.split(TASK, 5, 42);
        assertEquals(5, folds.size());
        int[] all = folds.stream().flatMapToInt(Arrays::stream).sorted().toArray();
        assertArrayEquals(IntStream.range(0, TASK.size()).toArray(), all, "each row in exactly one fold");
    }

    @Test
    void classCountsPerFoldDifferByAtMostOneAndSoDoFoldSizes() {
        for (long seed : new long[] {0, 1, 42}) {
            List<int[]> folds = StratifiedFolds.split(TASK, 5, seed);
            int[] counts = TASK.classCounts();
            for (int c = 0; c < counts.length; c++) {
                int[] perFold = new int[folds.size()];
                for (int f = 0; f < folds.size(); f++) {
                    for (int row : folds.get(f)) {
                        perFold[f] += TASK.rows().get(row).label() == c ? 1 : 0;
                    }
                }
                int min = Arrays.stream(perFold).min().getAsInt();
                int max = Arrays.stream(perFold).max().getAsInt();
                assertTrue(max - min <= 1, "class " + c + " per fold: " + Arrays.toString(perFold));
                assertEquals(counts[c] / 5, min, "floor(" + counts[c] + "/5) of class " + c + " in every fold");
            }
            int[] sizes = folds.stream().mapToInt(f -> f.length).toArray();
            assertTrue(Arrays.stream(sizes).max().getAsInt() - Arrays.stream(sizes).min().getAsInt() <= 1,
                    "fold sizes " + Arrays.toString(sizes));
        }
    }

    @Test
    void theSeedDecidesTheFolds() {
        List<int[]> a = StratifiedFolds.split(TASK, 5, 42);
        List<int[]> b = StratifiedFolds.split(TASK, 5, 42);
        List<int[]> c = StratifiedFolds.split(TASK, 5, 43);
        for (int f = 0; f < 5; f++) {
            assertArrayEquals(a.get(f), b.get(f), "same seed, same fold " + f);
        }
        assertFalse(IntStream.range(0, 5).allMatch(f -> Arrays.equals(a.get(f), c.get(f))), "another seed, other folds");
    }

    @Test
    void trainingRowsAreEveryOtherFold() {
        List<int[]> folds = StratifiedFolds.split(TASK, 4, 7);
        for (int f = 0; f < 4; f++) {
            int[] train = StratifiedFolds.trainingRows(folds, f);
            assertEquals(TASK.size() - folds.get(f).length, train.length);
            int[] held = folds.get(f);
            assertTrue(Arrays.stream(train).noneMatch(r -> Arrays.stream(held).anyMatch(h -> h == r)),
                    "no held-out row is trained on");
        }
    }

    @Test
    void aClassWithFewerRowsThanFoldsIsRefusedByName() {
        DataException e = assertThrows(DataException.class, () -> StratifiedFolds.split(Tasks.ofCounts(9, 3), 5, 0));
        assertTrue(e.getMessage().contains("class 'c1' has 3 rows"), e.getMessage());
        assertTrue(e.getMessage().contains("at most 3 folds"), e.getMessage());
    }
}
