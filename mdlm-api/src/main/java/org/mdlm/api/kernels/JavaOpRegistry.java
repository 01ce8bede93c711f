package org.mdlm.api.kernels;

import java.lang.reflect.Field;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.nd4j.imports.converters.DifferentialFunctionClassHolder;
import org.nd4j.linalg.api.ops.DynamicCustomOp;

/**
 * Makes Java ops known to SameDiff's op lookup, so that the FlatBuffers copy SameDiff takes when
 * it builds a gradient function can re-create them. SameDiff M2.1 writes hash 0 for ops libnd4j
 * does not know and reads them back through {@code DifferentialFunctionClassHolder}'s map of
 * hash to (name to class); there is no public way to add to that map, so it is done once per op
 * class by reflection.
 */
final class JavaOpRegistry {

    private static final Set<Class<?>> DONE = ConcurrentHashMap.newKeySet();

    private JavaOpRegistry() {
    }

    /** Registers {@code type} (a {@link JavaOp} with a no-argument constructor) under hash 0 and its op name. */
    static void register(Class<?> type) {
        if (DONE.contains(type)) {
            return;
        }
        synchronized (JavaOpRegistry.class) {
            if (DONE.contains(type)) {
                return;
            }
            try {
                var ctor = type.getDeclaredConstructor();
                ctor.setAccessible(true);
                String name = ((DynamicCustomOp) ctor.newInstance()).opName();
                Map<Long, Map<String, Class<?>>> byHash = hashMap();
                byHash.computeIfAbsent(0L, k -> new HashMap<>()).put(name, type);
            } catch (ReflectiveOperationException | RuntimeException e) {
                throw new IllegalStateException("cannot register the Java op " + type.getName()
                        + " with SameDiff (ND4J 1.0.0-M2.1 is required): " + e, e);
            }
            DONE.add(type);
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<Long, Map<String, Class<?>>> hashMap() throws ReflectiveOperationException {
        Field f = DifferentialFunctionClassHolder.class.getDeclaredField("customOpHashToClasses");
        f.setAccessible(true);
        return (Map<Long, Map<String, Class<?>>>) f.get(DifferentialFunctionClassHolder.getInstance());
    }
}
