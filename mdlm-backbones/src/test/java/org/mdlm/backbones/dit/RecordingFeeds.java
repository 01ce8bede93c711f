package org.mdlm.backbones.dit;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.mdlm.api.model.FeedFunction;
import org.mdlm.api.model.GraphFeeds;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/** A test {@link GraphFeeds}: creates placeholders with -1 dimensions and remembers their fill functions. */
final class RecordingFeeds implements GraphFeeds {

    private final SameDiff sd;
    private final Map<String, FeedFunction> fills = new LinkedHashMap<>();

    RecordingFeeds(SameDiff sd) {
        this.sd = sd;
    }

    @Override
    public SDVariable placeholder(String name, DataType type, int rank, FeedFunction fill) {
        if (fills.containsKey(name)) {
            throw new IllegalArgumentException("placeholder declared twice: " + name);
        }
        long[] shape = new long[rank];
        java.util.Arrays.fill(shape, -1L);
        fills.put(name, fill);
        return sd.placeHolder(name, type, shape);
    }

    /** The declared fill functions by placeholder name, in declaration order. */
    Map<String, FeedFunction> fills() {
        return fills;
    }

    /** Computes every declared placeholder for a batch of shape [batch, length]. */
    Map<String, INDArray> compute(int batch, int length, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        Map<String, INDArray> out = new LinkedHashMap<>();
        for (Map.Entry<String, FeedFunction> e : fills.entrySet()) {
            out.put(e.getKey(), e.getValue().compute(batch, length, rng.split()));
        }
        return out;
    }
}
