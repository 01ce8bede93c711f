package org.mdlm.engine;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.shape.LongShapeDescriptor;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The output arrays of a {@link LeanExecutor}: every array it ever allocated, handed out again by
 * data type, shape and order. Each call starts with all arrays free ({@link #reset}); an op takes
 * its outputs ({@link #take}) and gives back the arrays no later op reads ({@link #release}).
 * Because the op order is fixed, every call hands out the same arrays, so a steady state allocates
 * nothing, and arrays whose lifetimes do not overlap share memory.
 */
final class ArrayPool {

    private final List<INDArray> all = new ArrayList<>();
    private final Map<String, ArrayDeque<INDArray>> free = new HashMap<>();

    /** Marks every array free (start of a call). */
    void reset() {
        free.clear();
        for (INDArray a : all) {
            release(a);
        }
    }

    /** A free array of the described type, shape and order, allocated if there is none. */
    INDArray take(LongShapeDescriptor d) {
        char order = d.getOrder() == 'f' ? 'f' : 'c';
        ArrayDeque<INDArray> q = free.get(key(d.dataType().name(), d.getShape(), order));
        if (q != null && !q.isEmpty()) {
            return q.pollLast();
        }
        INDArray a = Nd4j.create(d.dataType(), d.getShape(), order);
        all.add(a);
        return a;
    }

    /** Makes {@code a} (taken from this pool) available again. */
    void release(INDArray a) {
        free.computeIfAbsent(key(a.dataType().name(), a.shape(), a.ordering()), k -> new ArrayDeque<>()).addLast(a);
    }

    /** Number of arrays allocated so far. */
    int size() {
        return all.size();
    }

    private static String key(String type, long[] shape, char order) {
        return type + Arrays.toString(shape) + order;
    }
}
