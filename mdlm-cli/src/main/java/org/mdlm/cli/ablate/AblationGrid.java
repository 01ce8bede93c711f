package org.mdlm.cli.ablate;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.ToLongFunction;
import org.mdlm.cli.config.ConfigException;

/**
 * Expands a {@link GridDefinition} into its axes and cells: every {@code --vary KEY=V1,V2,...} is an
 * axis, the {@code --variant}s (plus the implicit baseline row) are one more axis, and the cells are
 * the cartesian product, first axis outermost. Malformed specs are refused with the expected form.
 */
public final class AblationGrid {

    /** Name of the axis of named variants. */
    public static final String VARIANT_AXIS = "variant";
    /** Label of the implicit row that leaves the preset unchanged. */
    public static final String BASELINE = "baseline";
    /** The form of a {@code --vary} spec, for messages and help. */
    public static final String VARY_FORM = "KEY=V1,V2,... (e.g. train.lr=0.001,0.0003)";
    /** The form of a {@code --variant} spec, for messages and help. */
    public static final String VARIANT_FORM = "LABEL:KEY=VALUE[;KEY=VALUE...] (e.g. \"no carry-over:parameterization.carry_over=false\")";
    private static final int MAX_FOLDER = 100;
    private static final Set<String> RESERVED = Set.of(GridFolder.DEFINITION, AblationTable.CSV,
            AblationTable.MARKDOWN, AblationPlot.FILE, "run.lock");

    private final List<GridAxis> axes;
    private final List<GridCell> cells;

    private AblationGrid(List<GridAxis> axes) {
        this.axes = List.copyOf(axes);
        List<GridCell> product = new ArrayList<>();
        expand(0, new ArrayList<>(), product);
        this.cells = List.copyOf(product);
    }

    /**
     * Parses the definition's axes and expands its cells.
     *
     * @throws ConfigException for a malformed spec, an empty value list, a value or label given twice,
     *                         two values with the same folder name, a key varied twice or both varied
     *                         and set by a variant, or {@code --no-baseline} without variants
     */
    public static AblationGrid of(GridDefinition def) {
        List<GridAxis> axes = new ArrayList<>();
        Set<String> keys = new LinkedHashSet<>();
        for (String spec : def.vary()) {
            GridAxis axis = parseVary(spec);
            if (!keys.add(axis.name())) {
                throw new ConfigException("--vary " + axis.name() + " is given twice; give all its values in one --vary "
                        + VARY_FORM);
            }
            axes.add(axis);
        }
        if (!def.variants().isEmpty()) {
            axes.add(variantAxis(def.variants(), def.baseline(), keys));
        } else if (!def.baseline()) {
            throw new ConfigException("--no-baseline drops the baseline row of the --variant axis; it needs at least"
                    + " one --variant " + VARIANT_FORM);
        }
        return new AblationGrid(axes);
    }

    /**
     * Parses one {@code --vary KEY=V1,V2,...}. Values are split at commas (so a value cannot hold one)
     * and read as {@code --set} reads them.
     *
     * @throws ConfigException when the spec is not of that form, the list is empty, a value is empty or repeated
     */
    public static GridAxis parseVary(String spec) {
        int eq = spec.indexOf('=');
        if (eq <= 0) {
            throw new ConfigException("--vary '" + spec + "' is not of the form " + VARY_FORM);
        }
        String key = spec.substring(0, eq).strip();
        checkKey(key, "--vary '" + spec + "'", VARY_FORM);
        String list = spec.substring(eq + 1);
        if (list.isBlank()) {
            throw new ConfigException("--vary " + key + " has an empty value list; give at least one value: " + VARY_FORM);
        }
        List<GridAxis.Value> values = new ArrayList<>();
        Map<String, String> folders = new HashMap<>();
        for (String raw : list.split(",", -1)) {
            String v = raw.strip();
            if (v.isEmpty()) {
                throw new ConfigException("--vary '" + spec + "' has an empty value between commas; the form is " + VARY_FORM);
            }
            String folder = key + "=" + folderName(v);
            String clash = folders.put(folder, v);
            if (clash != null) {
                throw new ConfigException(clash.equals(v) ? "--vary " + key + " lists the value " + v + " twice"
                        : "--vary " + key + ": the values '" + clash + "' and '" + v + "' give the same folder name '"
                        + folder + "'; make them differ in letters, digits or . _ = + -");
            }
            values.add(new GridAxis.Value(v, folder, List.of(key + "=" + v)));
        }
        return new GridAxis(key, values);
    }

    /**
     * Parses one {@code --variant LABEL:KEY=VALUE[;KEY=VALUE...]}: the label ends at the first colon,
     * the overrides are separated by semicolons.
     *
     * @throws ConfigException when the spec is not of that form or sets a key twice
     */
    public static GridAxis.Value parseVariant(String spec) {
        int colon = spec.indexOf(':');
        String label = colon < 0 ? "" : spec.substring(0, colon).strip();
        if (label.isEmpty()) {
            throw new ConfigException("--variant '" + spec + "' is not of the form " + VARIANT_FORM);
        }
        List<String> overrides = new ArrayList<>();
        Set<String> keys = new LinkedHashSet<>();
        for (String raw : spec.substring(colon + 1).split(";")) {
            String o = raw.strip();
            if (o.isEmpty()) {
                continue;
            }
            int eq = o.indexOf('=');
            String key = eq <= 0 ? "" : o.substring(0, eq).strip();
            checkKey(key, "--variant '" + spec + "': '" + o + "'", VARIANT_FORM);
            if (!keys.add(key)) {
                throw new ConfigException("--variant '" + label + "' sets " + key + " twice");
            }
            overrides.add(key + "=" + o.substring(eq + 1).strip());
        }
        if (overrides.isEmpty()) {
            throw new ConfigException("--variant '" + spec + "' changes no key; the form is " + VARIANT_FORM);
        }
        return new GridAxis.Value(label, folderName(label), overrides);
    }

    private static GridAxis variantAxis(List<String> specs, boolean baseline, Set<String> variedKeys) {
        List<GridAxis.Value> values = new ArrayList<>();
        if (baseline) {
            values.add(new GridAxis.Value(BASELINE, BASELINE, List.of()));
        }
        for (String spec : specs) {
            GridAxis.Value v = parseVariant(spec);
            for (String o : v.overrides()) {
                String key = o.substring(0, o.indexOf('='));
                if (variedKeys.contains(key)) {
                    throw new ConfigException("--variant '" + v.label() + "' sets " + key + ", which --vary varies;"
                            + " a cell can take it from one of them only");
                }
            }
            for (GridAxis.Value other : values) {
                if (other.label().equals(v.label())) {
                    throw new ConfigException("--variant label '" + v.label() + "' is used twice"
                            + (v.label().equals(BASELINE) ? " (the implicit baseline row has it; pass --no-baseline"
                            + " to replace that row)" : ""));
                }
                if (other.folder().equals(v.folder())) {
                    throw new ConfigException("--variant labels '" + other.label() + "' and '" + v.label()
                            + "' give the same folder name '" + v.folder() + "'; make them differ in letters or digits");
                }
            }
            if (RESERVED.contains(v.folder())) {
                throw new ConfigException("--variant label '" + v.label() + "' would name a folder like the grid's "
                        + v.folder() + "; choose another label");
            }
            values.add(v);
        }
        return new GridAxis(VARIANT_AXIS, values);
    }

    private static void checkKey(String key, String where, String form) {
        if (!key.matches("[a-z0-9_]+(\\.[a-z0-9_]+)+")) {   // the key rule of --set (ConfigTrees)
            throw new ConfigException(where + " needs a dotted config key such as train.lr or"
                    + " parameterization.type before '='; the form is " + form);
        }
    }

    /**
     * A folder-name form of {@code text}: whitespace becomes '-', characters other than letters,
     * digits and {@code . _ = + -} become '_', a leading dot becomes '_', at most 100 characters.
     */
    public static String folderName(String text) {
        String s = text.strip().replaceAll("\\s+", "-").replaceAll("[^A-Za-z0-9._=+-]", "_");
        if (s.startsWith(".")) {
            s = "_" + s.substring(1);
        }
        return s.length() > MAX_FOLDER ? s.substring(0, MAX_FOLDER) : s;
    }

    private void expand(int axis, List<GridAxis.Value> chosen, List<GridCell> out) {
        if (axis == axes.size()) {
            List<String> labels = new ArrayList<>();
            List<String> folders = new ArrayList<>();
            List<String> overrides = new ArrayList<>();
            for (int i = 0; i < chosen.size(); i++) {
                GridAxis.Value v = chosen.get(i);
                boolean variant = axes.get(i).name().equals(VARIANT_AXIS);
                labels.add(variant ? v.label() : axes.get(i).name() + "=" + v.label());
                folders.add(v.folder());
                overrides.addAll(v.overrides());
            }
            out.add(new GridCell(labels.isEmpty() ? BASELINE : String.join(", ", labels),
                    chosen.stream().map(GridAxis.Value::label).toList(), String.join("/", folders), overrides));
            return;
        }
        for (GridAxis.Value v : axes.get(axis).values()) {
            chosen.add(v);
            expand(axis + 1, chosen, out);
            chosen.remove(chosen.size() - 1);
        }
    }

    /** The axes: the {@code --vary} keys in order, then the variant axis if there are variants. */
    public List<GridAxis> axes() {
        return axes;
    }

    /** The cells, first axis outermost. */
    public List<GridCell> cells() {
        return cells;
    }

    /**
     * The runs, cell by cell: seeds {@code s, s+1, ..., s+seeds-1} where {@code s} is the cell's own
     * {@code train.seed} (from the preset and overrides), each in {@code <gridDir>/<cell folder>/seed-<seed>}.
     */
    public List<GridRun> runs(Path gridDir, int seeds, ToLongFunction<GridCell> baseSeed) {
        List<GridRun> runs = new ArrayList<>();
        for (GridCell cell : cells) {
            long base = baseSeed.applyAsLong(cell);
            for (int i = 0; i < seeds; i++) {
                runs.add(GridRun.in(gridDir, cell, base + i));
            }
        }
        return runs;
    }
}
