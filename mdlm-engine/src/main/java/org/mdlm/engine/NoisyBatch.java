package org.mdlm.engine;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import org.mdlm.api.model.Corruption;

/**
 * One batch on its way into the graph: the clean tokens and what the objective made of them.
 *
 * @param x0 clean tokens [B][L]
 * @param corruption the backbone's input, times, counted positions and row values
 */
record NoisyBatch(int[][] x0, Corruption corruption) {

    int batch() {
        return x0.length;
    }

    int length() {
        return x0.length == 0 ? 0 : x0[0].length;
    }

    int[][] xt() {
        return corruption.xt();
    }

    double[] t() {
        return corruption.t();
    }

    /** Rows {@code from..to-1}. */
    NoisyBatch rows(int from, int to) {
        Corruption c = corruption;
        Map<String, double[]> values = new HashMap<>();
        c.rowValues().forEach((k, v) -> values.put(k, Arrays.copyOfRange(v, from, to)));
        return new NoisyBatch(Arrays.copyOfRange(x0, from, to), new Corruption(Arrays.copyOfRange(c.xt(), from, to),
                Arrays.copyOfRange(c.t(), from, to),
                c.counted() == null ? null : Arrays.copyOfRange(c.counted(), from, to), values));
    }
}
