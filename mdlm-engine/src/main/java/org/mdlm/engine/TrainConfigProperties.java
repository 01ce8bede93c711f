package org.mdlm.engine;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.Map;
import java.util.Properties;

/** Stores a {@link TrainConfig} as {@code config.<field>} properties and reads it back exactly. */
final class TrainConfigProperties {

    private static final String PREFIX = "config.";
    /** Fields added after checkpoints were first written, with the value older checkpoints imply. */
    private static final Map<String, String> ADDED_LATER = Map.of("evalSeed", "0", "embeddingUpdate", TrainConfig.DENSE, "workers", "1");

    private TrainConfigProperties() {
    }

    static void write(TrainConfig c, Properties p) {
        for (RecordComponent rc : TrainConfig.class.getRecordComponents()) {
            try {
                p.setProperty(PREFIX + rc.getName(), String.valueOf(rc.getAccessor().invoke(c)));
            } catch (IllegalAccessException | InvocationTargetException e) {
                throw new IllegalStateException("cannot read TrainConfig." + rc.getName(), e);
            }
        }
    }

    /**
     * Reads the config back.
     *
     * @throws IllegalArgumentException if a field is missing or malformed
     */
    static TrainConfig read(Properties p) {
        RecordComponent[] rcs = TrainConfig.class.getRecordComponents();
        Object[] args = new Object[rcs.length];
        Class<?>[] types = new Class<?>[rcs.length];
        for (int i = 0; i < rcs.length; i++) {
            String key = PREFIX + rcs[i].getName();
            String v = p.getProperty(key, ADDED_LATER.get(rcs[i].getName()));
            if (v == null) {
                throw new IllegalArgumentException("missing " + key);
            }
            types[i] = rcs[i].getType();
            try {
                if (types[i] == int.class) {
                    args[i] = Integer.parseInt(v);
                } else if (types[i] == long.class) {
                    args[i] = Long.parseLong(v);
                } else if (types[i] == double.class) {
                    args[i] = Double.parseDouble(v);
                } else if (types[i] == String.class) {
                    args[i] = v;
                } else {
                    throw new IllegalStateException("unsupported TrainConfig field type " + types[i]);
                }
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(key + " is not a number: " + v, e);
            }
        }
        try {
            return TrainConfig.class.getDeclaredConstructor(types).newInstance(args);
        } catch (InvocationTargetException e) {
            Throwable cause = e.getCause();
            throw cause instanceof IllegalArgumentException iae ? iae
                    : new IllegalArgumentException(String.valueOf(cause), cause);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot construct TrainConfig", e);
        }
    }
}
