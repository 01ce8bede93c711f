package org.mdlm.process.train;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.mdlm.api.model.FeedFunction;
import org.mdlm.api.model.GraphFeeds;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/** A {@link GraphFeeds} that creates the placeholders and remembers how to fill each of them. */
final class RecordingFeeds implements GraphFeeds {

    private final SameDiff sd;
    private final Map<String, FeedFunction> fills = new LinkedHashMap<>();

    RecordingFeeds(SameDiff sd) {
        this.sd = sd;
    }

    @Override
    public SDVariable placeholder(String name, DataType type, int rank, FeedFunction fill) {
        if (fills.containsKey(name) || sd.hasVariable(name)) {
            throw new IllegalArgumentException("a graph variable named '" + name + "' already exists");
        }
        if (rank < 0) {
            throw new IllegalArgumentException("rank must be >= 0, got " + rank + " for placeholder " + name);
        }
        long[] shape = new long[rank];
        java.util.Arrays.fill(shape, -1L);
        SDVariable v = sd.placeHolder(name, type, shape);
        fills.put(name, java.util.Objects.requireNonNull(fill, "fill"));
        return v;
    }

    /**
     * Computes every declared feed for one execution, in declaration order, each from its own split
     * of {@code rng}.
     */
    void fill(Map<String, INDArray> into, int batch, int length, SplittableRandom rng) {
        for (Map.Entry<String, FeedFunction> e : fills.entrySet()) {
            INDArray value = e.getValue().compute(batch, length, rng.split());
            if (value == null) {
                throw new IllegalStateException("feed function of placeholder '" + e.getKey() + "' returned null");
            }
            into.put(e.getKey(), value);
        }
    }
}
