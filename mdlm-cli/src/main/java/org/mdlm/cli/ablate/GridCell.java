package org.mdlm.cli.ablate;

import java.util.List;

/**
 * One cell of a grid (a row of the table): one value of every axis.
 *
 * @param label the row label, e.g. {@code "train.lr=0.001, no carry-over"}
 * @param values the value labels, one per axis, in axis order
 * @param folder the cell's folder relative to the grid folder, e.g. {@code train.lr=0.001/no-carry-over}
 *               (empty for a grid without axes)
 * @param overrides the overrides of its values, in axis order, applied after the grid's {@code --set}
 */
public record GridCell(String label, List<String> values, String folder, List<String> overrides) {

    /** Copies the lists. */
    public GridCell {
        values = List.copyOf(values);
        overrides = List.copyOf(overrides);
    }
}
