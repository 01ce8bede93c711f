package org.mdlm.api.model;

import java.util.Map;
import java.util.Objects;

/**
 * What an objective made of a clean batch: the tokens the backbone sees, the times, which
 * positions count in the loss, and per-sequence values for the inputs its loss graph declared.
 *
 * @param xt backbone input tokens [B][L] (masked tokens, or the shifted sequence of an autoregressive model)
 * @param t diffusion time per sequence [B] (0 for objectives without time)
 * @param counted which positions count in the loss average [B][L], or null when all do
 * @param rowValues per-sequence values [B] by the name given to {@link LossContext#rowInput}
 */
public record Corruption(int[][] xt, double[] t, boolean[][] counted, Map<String, double[]> rowValues) {

    /** Validates shapes. */
    public Corruption {
        Objects.requireNonNull(xt, "xt");
        Objects.requireNonNull(t, "t");
        rowValues = Map.copyOf(Objects.requireNonNull(rowValues, "rowValues"));
        if (t.length != xt.length) {
            throw new IllegalArgumentException("need one time per sequence: " + xt.length + " rows, " + t.length + " times");
        }
        if (counted != null && counted.length != xt.length) {
            throw new IllegalArgumentException("counted has " + counted.length + " rows, xt " + xt.length);
        }
        for (Map.Entry<String, double[]> e : rowValues.entrySet()) {
            if (e.getValue().length != xt.length) {
                throw new IllegalArgumentException("row value '" + e.getKey() + "' has " + e.getValue().length
                        + " entries for " + xt.length + " sequences");
            }
        }
    }
}
