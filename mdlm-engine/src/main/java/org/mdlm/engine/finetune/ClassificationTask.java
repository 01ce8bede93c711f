package org.mdlm.engine.finetune;

import java.util.List;
import java.util.Objects;

/**
 * A labelled sequence classification task: rows of token ids of one length, each with a class.
 *
 * @param source where the rows came from (a file path), for reports
 * @param classes class names, in index order (sorted)
 * @param rows the rows, in file order
 * @param length tokens per row (padded rows included)
 * @param changedCharacters characters the domain's encoding did not give back as they were
 *                          (e.g. letters other than A, C, G, T, which the dna domain reads as N);
 *                          -1 when the encoding is not one token per character
 * @param paddedRows rows shorter than {@code length}, filled with the vocabulary's pad id
 */
public record ClassificationTask(String source, List<String> classes, List<LabeledSequence> rows, int length,
                                 int changedCharacters, int paddedRows) {

    /**
     * Validates the task.
     *
     * @throws IllegalArgumentException when there are fewer than two classes, no rows, a row of
     *                                  another length or a label outside the classes
     */
    public ClassificationTask {
        Objects.requireNonNull(source, "source");
        classes = List.copyOf(classes);
        rows = List.copyOf(rows);
        if (classes.size() < 2) {
            throw new IllegalArgumentException(source + " has " + classes.size() + " class(es) " + classes
                    + "; a classifier needs at least two labels");
        }
        if (rows.isEmpty()) {
            throw new IllegalArgumentException(source + " has no rows");
        }
        for (LabeledSequence r : rows) {
            if (r.tokens().length != length) {
                throw new IllegalArgumentException("row of line " + r.line() + " has " + r.tokens().length
                        + " tokens, the task " + length);
            }
            if (r.label() >= classes.size()) {
                throw new IllegalArgumentException("row of line " + r.line() + " has label " + r.label()
                        + " but there are " + classes.size() + " classes");
            }
        }
    }

    /** Number of rows. */
    public int size() {
        return rows.size();
    }

    /** Rows per class, in class order. */
    public int[] classCounts() {
        int[] c = new int[classes.size()];
        for (LabeledSequence r : rows) {
            c[r.label()]++;
        }
        return c;
    }

    /** The class index of every row, in row order. */
    public int[] labels() {
        int[] l = new int[rows.size()];
        for (int i = 0; i < l.length; i++) {
            l[i] = rows.get(i).label();
        }
        return l;
    }
}
