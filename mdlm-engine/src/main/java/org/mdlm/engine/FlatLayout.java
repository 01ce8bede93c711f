package org.mdlm.engine;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * Where each named parameter lives inside one flat float buffer (names in the iteration order of
 * the map it was made from), so that whole-model updates are a handful of whole-buffer ops.
 */
final class FlatLayout {

    private final List<String> names = new ArrayList<>();
    private final List<long[]> shapes = new ArrayList<>();
    private final long[] offsets;
    private final long length;

    /** The layout of {@code params} (their shapes, in iteration order). */
    FlatLayout(Map<String, INDArray> params) {
        offsets = new long[params.size()];
        long off = 0;
        int i = 0;
        for (Map.Entry<String, INDArray> e : params.entrySet()) {
            names.add(e.getKey());
            shapes.add(e.getValue().shape());
            offsets[i++] = off;
            off += e.getValue().length();
        }
        length = off;
    }

    /** The parameter names in layout order. */
    List<String> names() {
        return List.copyOf(names);
    }

    /** Where parameter {@code i} (in layout order) starts in the flat buffer. */
    long offset(int i) {
        return offsets[i];
    }

    /** Number of elements of parameter {@code i} (in layout order). */
    long size(int i) {
        return (i + 1 < offsets.length ? offsets[i + 1] : length) - offsets[i];
    }

    /** Number of elements of all parameters together. */
    long length() {
        return length;
    }

    /** A new zero-filled flat buffer of this layout. */
    INDArray zeros() {
        return Nd4j.zeros(DataType.FLOAT, Math.max(1, length));
    }

    /** Views into {@code flat}, one per name, shaped like the parameters (writes go to {@code flat}). */
    Map<String, INDArray> views(INDArray flat) {
        Map<String, INDArray> out = new LinkedHashMap<>();
        for (int i = 0; i < names.size(); i++) {
            out.put(names.get(i), view(flat, i));
        }
        return out;
    }

    private INDArray view(INDArray flat, int i) {
        long n = 1;
        for (long d : shapes.get(i)) {
            n *= d;
        }
        INDArray v = flat.get(NDArrayIndex.interval(offsets[i], offsets[i] + n));
        return shapes.get(i).length == 1 ? v : v.reshape('c', shapes.get(i));
    }

    /** Copies the named arrays of {@code values} into {@code slots} (from {@link #slots}), in layout order. */
    void gather(Map<String, INDArray> values, List<INDArray> slots) {
        for (int i = 0; i < names.size(); i++) {
            INDArray a = values.get(names.get(i));
            if (a == null) {
                throw new IllegalArgumentException("no array for parameter '" + names.get(i) + "'");
            }
            slots.get(i).assign(a);
        }
    }

    /** The views of {@link #views} as a list in layout order. */
    List<INDArray> slots(INDArray flat) {
        return new ArrayList<>(views(flat).values());
    }

    /** Copies each slot of {@code flat} back into the named array of {@code values}. */
    void scatter(List<INDArray> slots, Map<String, INDArray> values) {
        for (int i = 0; i < names.size(); i++) {
            values.get(names.get(i)).assign(slots.get(i));
        }
    }
}
