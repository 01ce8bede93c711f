package org.mdlm.cli.ablate;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * One training run of a grid: a cell with one seed, in its own run folder.
 *
 * @param cell the cell
 * @param seed the run's {@code train.seed}
 * @param dir the run folder, {@code <grid>/<cell folder>/seed-<seed>}
 */
public record GridRun(GridCell cell, long seed, Path dir) {

    /** The run of {@code cell} with {@code seed}, in its folder under {@code gridDir}. */
    public static GridRun in(Path gridDir, GridCell cell, long seed) {
        return new GridRun(cell, seed, gridDir.resolve(folder(cell, seed)));
    }

    /** The overrides of the cell followed by {@code train.seed=<seed>}. */
    public List<String> overrides() {
        List<String> all = new ArrayList<>(cell.overrides());
        all.add("train.seed=" + seed);
        return all;
    }

    /** The run folder relative to the grid folder, e.g. {@code train.lr=0.001/seed-1}. */
    public String folder() {
        return folder(cell, seed);
    }

    private static String folder(GridCell cell, long seed) {
        return (cell.folder().isEmpty() ? "" : cell.folder() + "/") + "seed-" + seed;
    }

    /** How progress lines name it, e.g. {@code "train.lr=0.001, seed 1"}. */
    public String label() {
        return cell.label() + ", seed " + seed;
    }
}
