package org.mdlm.cli.ablate;

import java.util.List;

/**
 * One axis of a grid: a config key given with {@code --vary}, or the {@value AblationGrid#VARIANT_AXIS}
 * axis of the named variants (and the baseline row).
 *
 * @param name the varied key, or {@value AblationGrid#VARIANT_AXIS}
 * @param values the values, in the order given
 */
public record GridAxis(String name, List<Value> values) {

    /** Copies the list. */
    public GridAxis {
        values = List.copyOf(values);
    }

    /**
     * One value of an axis.
     *
     * @param label how tables show it: the value as written, or the variant's label
     * @param folder the run-folder segment it contributes, e.g. {@code train.lr=0.001} or {@code no-carry-over}
     * @param overrides the {@code KEY=VALUE} overrides it applies (none for the baseline row)
     */
    public record Value(String label, String folder, List<String> overrides) {

        /** Copies the list. */
        public Value {
            overrides = List.copyOf(overrides);
        }
    }
}
