package org.mdlm.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.mdlm.engine.PlaceholderFeeds;
import org.mdlm.engine.RowLookup;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The gradient bookkeeping of a graph's row lookups ({@link org.mdlm.api.model.GraphFeeds#rows}):
 * SameDiff differentiates with respect to each lookup's placeholder instead of its table (which the
 * graph does not read), and {@link #fold} turns those placeholder gradients into table gradients.
 */
final class LookupGradients {

    private final List<RowLookup> lookups;
    private final SameDiff sd;

    /** Lookups declared in {@code feeds}, whose tables are variables of {@code sd}. */
    LookupGradients(PlaceholderFeeds feeds, SameDiff sd) {
        this.lookups = List.copyOf(feeds.lookups().values());
        this.sd = sd;
    }

    /** The lookup placeholders, whose gradients SameDiff must compute. */
    String[] placeholders() {
        return lookups.stream().map(RowLookup::placeholder).toArray(String[]::new);
    }

    /** The names to differentiate: {@code params} without the lookup tables, then the lookup placeholders. */
    List<String> differentiated(List<String> params) {
        List<String> names = new ArrayList<>();
        for (String p : params) {
            if (lookups.stream().noneMatch(l -> l.table().equals(p))) {
                names.add(p);
            }
        }
        for (RowLookup l : lookups) {
            names.add(l.placeholder());
        }
        return names;
    }

    /** Replaces each lookup placeholder's gradient in {@code grads} by its table's gradient. */
    void fold(Map<String, INDArray> grads, Map<String, INDArray> feeds) {
        for (RowLookup l : lookups) {
            INDArray rows = grads.remove(l.placeholder());
            if (rows == null) {
                throw new IllegalStateException("no gradient for the lookup placeholder '" + l.placeholder() + "'");
            }
            grads.put(l.table(), l.scatter(rows, feeds.get(l.ids()), sd.getArrForVarName(l.table()).size(0)));
        }
    }

    /** For each lookup table, which of its rows the ids in {@code feeds} look up (for lazy updates). */
    Map<String, boolean[]> touchedRows(Map<String, INDArray> feeds) {
        Map<String, boolean[]> rows = new java.util.HashMap<>();
        for (RowLookup l : lookups) {
            boolean[] t = l.touchedRows(feeds.get(l.ids()), sd.getArrForVarName(l.table()).size(0));
            boolean[] before = rows.putIfAbsent(l.table(), t);
            if (before != null) {
                for (int r = 0; r < t.length; r++) {
                    before[r] |= t[r];
                }
            }
        }
        return rows;
    }
}
