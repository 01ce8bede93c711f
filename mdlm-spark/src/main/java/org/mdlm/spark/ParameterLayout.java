package org.mdlm.spark;

import java.io.Serializable;
import java.nio.FloatBuffer;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Where each parameter sits in one flat float array: parameters in name order, each in C order.
 * Weights travel to executors and gradients back to the driver as such arrays (4 bytes a parameter,
 * no per-array overhead), and this layout turns them back into arrays by name.
 */
final class ParameterLayout implements Serializable {

    private static final long serialVersionUID = 1L;
    private final String[] names;
    private final long[][] shapes;
    private final long[] offsets;

    private ParameterLayout(String[] names, long[][] shapes) {
        this.names = names;
        this.shapes = shapes;
        this.offsets = new long[names.length + 1];
        for (int i = 0; i < names.length; i++) {
            offsets[i + 1] = offsets[i] + Arrays.stream(shapes[i]).reduce(1, Math::multiplyExact);
        }
        if (offsets[names.length] > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException(offsets[names.length] + " parameters do not fit one Java array;"
                    + " models beyond 2^31 parameters need the flat buffer cut in chunks");
        }
    }

    /** The layout of {@code arrays} (sorted by name). */
    static ParameterLayout of(Map<String, INDArray> arrays) {
        Map<String, INDArray> sorted = new TreeMap<>(arrays);
        String[] names = sorted.keySet().toArray(String[]::new);
        long[][] shapes = new long[names.length][];
        for (int i = 0; i < names.length; i++) {
            shapes[i] = sorted.get(names[i]).shape();
        }
        return new ParameterLayout(names, shapes);
    }

    /** Number of floats of a flat array of this layout. */
    int size() {
        return (int) offsets[names.length];
    }

    /** Parameter names in layout order. */
    List<String> names() {
        return List.of(names);
    }

    /**
     * The floats of {@code arrays} (each must have its name's shape) in layout order.
     *
     * @throws IllegalArgumentException naming a missing or differently shaped parameter
     */
    float[] flatten(Map<String, INDArray> arrays) {
        float[] out = new float[size()];
        for (int i = 0; i < names.length; i++) {
            INDArray a = arrays.get(names[i]);
            if (a == null || !Arrays.equals(a.shape(), shapes[i])) {
                throw new IllegalArgumentException("parameter '" + names[i] + "' " + Arrays.toString(shapes[i])
                        + (a == null ? " is missing" : " arrived with shape " + Arrays.toString(a.shape())));
            }
            INDArray f = a.dataType() == DataType.FLOAT ? a : a.castTo(DataType.FLOAT);
            f = f.isView() || f.ordering() != 'c' ? f.dup('c') : f;
            FloatBuffer src = f.data().asNioFloat();
            int from = (int) offsets[i];
            int n = (int) (offsets[i + 1] - offsets[i]);
            src.get(0, out, from, n);
        }
        return out;
    }

    /** Arrays by name (FLOAT, C order) holding the floats of {@code flat}, in layout order. */
    Map<String, INDArray> arrays(float[] flat) {
        if (flat.length != size()) {
            throw new IllegalArgumentException("a flat array of " + flat.length + " floats for a layout of " + size());
        }
        Map<String, INDArray> out = new LinkedHashMap<>();
        for (int i = 0; i < names.length; i++) {
            float[] part = Arrays.copyOfRange(flat, (int) offsets[i], (int) offsets[i + 1]);
            out.put(names[i], shapes[i].length == 0 ? Nd4j.scalar(part[0]) : Nd4j.createFromArray(part).reshape('c', shapes[i]));
        }
        return out;
    }
}
