package org.mdlm.engine;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.shape.LongShapeDescriptor;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The output arrays of a {@link LeanExecutor}: every array it ever allocated, handed out again by
 * data type, shape and order. Each call starts with all arrays free ({@link #reset}); an op takes
 * its outputs ({@link #take}) and gives back the arrays no later op reads ({@link #release}).
 * Because the op order is fixed, every call hands out the same arrays, so a steady state allocates
 * nothing, and arrays whose lifetimes do not overlap share memory. An array that a whole call did
 * not take (its shape belongs to an earlier batch size, as when a cached sampler evaluates only the
 * rows that changed) is freed at the next {@link #reset}: without that, every batch size ever seen
 * kept a full set of activations (peak RSS of a small-preset {@code ddpm_cache} run 1780 MiB, 1563 with
 * them freed).
 */
final class ArrayPool {

    private final List<INDArray> all = new ArrayList<>();
    private final Map<String, ArrayDeque<INDArray>> free = new HashMap<>();
    private final Set<INDArray> taken = Collections.newSetFromMap(new IdentityHashMap<>());
    private boolean called;

    /**
     * Marks every array free (start of a call), after freeing those the previous call did not take.
     * Op results of the previous call are therefore valid until the next call starts, as before.
     */
    void reset() {
        free.clear();
        if (called) {
            for (Iterator<INDArray> it = all.iterator(); it.hasNext(); ) {
                INDArray a = it.next();
                if (!taken.contains(a)) {
                    it.remove();
                    if (a.closeable()) {
                        a.close();
                    }
                }
            }
        }
        called = true;
        taken.clear();
        for (INDArray a : all) {
            release(a);
        }
    }

    /** A free array of the described type, shape and order, allocated if there is none. */
    INDArray take(LongShapeDescriptor d) {
        char order = d.getOrder() == 'f' ? 'f' : 'c';
        ArrayDeque<INDArray> q = free.get(key(d.dataType().name(), d.getShape(), order));
        if (q != null && !q.isEmpty()) {
            INDArray a = q.pollLast();
            taken.add(a);
            return a;
        }
        INDArray a = Nd4j.create(d.dataType(), d.getShape(), order);
        all.add(a);
        taken.add(a);
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
