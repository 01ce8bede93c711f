package org.mdlm.engine;

import org.mdlm.api.model.FeedFunction;
import org.mdlm.api.model.GraphFeeds;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.SplittableRandom;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The standard {@link GraphFeeds}: creates each declared placeholder (every dimension -1) in one
 * graph and remembers its fill function or row lookup, so that an engine, a test or a tool can
 * compute every feed for a call with {@link #fill} (and fold lookup gradients back with
 * {@link RowLookup#scatter}).
 */
public final class PlaceholderFeeds implements GraphFeeds {

    private final SameDiff sd;
    private final Map<String, FeedFunction> fills = new LinkedHashMap<>();
    private final Map<String, RowLookup> lookups = new LinkedHashMap<>();

    /** Declares placeholders in {@code sd}. */
    public PlaceholderFeeds(SameDiff sd) {
        this.sd = Objects.requireNonNull(sd, "sd");
    }

    @Override
    public SDVariable placeholder(String name, DataType type, int rank, FeedFunction fill) {
        if (sd.hasVariable(name)) {
            throw new IllegalArgumentException("a graph variable named '" + name + "' already exists");
        }
        if (rank < 0) {
            throw new IllegalArgumentException("rank must be >= 0, got " + rank + " for placeholder " + name);
        }
        long[] shape = new long[rank];
        Arrays.fill(shape, -1L);
        SDVariable v = sd.placeHolder(name, type, shape);
        fills.put(name, Objects.requireNonNull(fill, "fill"));
        return v;
    }

    @Override
    public SDVariable rows(String name, SDVariable table, SDVariable ids) {
        if (sd.hasVariable(name)) {
            throw new IllegalArgumentException("a graph variable named '" + name + "' already exists");
        }
        long[] shape = table.getShape();
        if (shape == null || shape.length != 2) {
            throw new IllegalArgumentException("table '" + table.name() + "' of lookup '" + name + "' must have rank 2 [V, H]");
        }
        SDVariable v = sd.placeHolder(name, table.dataType(), -1, -1, shape[1]);
        lookups.put(name, new RowLookup(name, table.name(), ids.name()));
        return v;
    }

    /** The declared row lookups by placeholder name, in declaration order. */
    public Map<String, RowLookup> lookups() {
        return Collections.unmodifiableMap(lookups);
    }

    /** The declared fill functions by placeholder name, in declaration order. */
    public Map<String, FeedFunction> fills() {
        return Collections.unmodifiableMap(fills);
    }

    /**
     * Computes every declared feed for one execution, in declaration order, each from its own split
     * of {@code rng}, and puts them into {@code into}.
     */
    public void fill(Map<String, INDArray> into, int batch, int length, SplittableRandom rng) {
        for (Map.Entry<String, FeedFunction> e : fills.entrySet()) {
            INDArray value = e.getValue().compute(batch, length, rng.split());
            if (value == null) {
                throw new IllegalStateException("feed function of placeholder '" + e.getKey() + "' returned null");
            }
            into.put(e.getKey(), value);
        }
        for (RowLookup lookup : lookups.values()) {
            INDArray ids = into.get(lookup.ids());
            if (ids == null) {
                throw new IllegalStateException("lookup '" + lookup.placeholder() + "' needs the ids placeholder '"
                        + lookup.ids() + "' among the feeds before fill is called");
            }
            into.put(lookup.placeholder(), lookup.gather(sd.getArrForVarName(lookup.table()), ids));
        }
    }
}
