package org.mdlm.engine.finetune;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/** Small classification tasks built in memory (tests). */
final class Tasks {

    private Tasks() {
    }

    /** {@code counts[c]} rows of class c (named "c0", "c1", ...), classes interleaved, each row one token. */
    static ClassificationTask ofCounts(int... counts) {
        List<String> classes = new ArrayList<>();
        for (int c = 0; c < counts.length; c++) {
            classes.add("c" + c);
        }
        List<LabeledSequence> rows = new ArrayList<>();
        int[] left = counts.clone();
        boolean any = true;
        while (any) {
            any = false;
            for (int c = 0; c < counts.length; c++) {
                if (left[c] > 0) {
                    left[c]--;
                    rows.add(new LabeledSequence(new int[] {c}, c, rows.size() + 1));
                    any = true;
                }
            }
        }
        return new ClassificationTask("memory", classes, rows, 1, 0, 0);
    }

    /**
     * {@code n} rows of {@code length} (odd) random tokens A (0) or C (1), drawn from {@code seed};
     * class "A" when A is the majority, else "C".
     */
    static ClassificationTask majority(int n, int length, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        List<LabeledSequence> rows = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            int[] t = new int[length];
            int a = 0;
            for (int j = 0; j < length; j++) {
                t[j] = rng.nextInt(2);
                a += t[j] == 0 ? 1 : 0;
            }
            rows.add(new LabeledSequence(t, 2 * a > length ? 0 : 1, i + 1));
        }
        return new ClassificationTask("majority", List.of("A", "C"), rows, length, 0, 0);
    }
}
