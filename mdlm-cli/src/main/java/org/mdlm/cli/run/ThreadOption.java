package org.mdlm.cli.run;

import org.mdlm.api.kernels.KernelThreads;
import org.mdlm.engine.GemmThreads;

/**
 * The global {@code --threads N} option: the number of OpenBLAS threads for large matrix products
 * (see {@link GemmThreads}) and of threads for the Java kernels ({@code KernelThreads}); at most the
 * number of available cores. It is read from the raw
 * arguments before picocli runs, so that it applies to every command. The threads of libnd4j's other
 * ops come from {@code OMP_NUM_THREADS}, which must be set before the JVM starts (the launcher sets 1).
 */
public final class ThreadOption {

    /** The option name. */
    public static final String OPTION = "--threads";

    private ThreadOption() {
    }

    /**
     * Applies the last {@code --threads N} or {@code --threads=N} in {@code args}, if any.
     *
     * @throws IllegalArgumentException naming the value and the valid range when it is not an integer
     *                                  in 1..cores
     */
    public static void apply(String[] args, int cores) {
        String value = null;
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--")) {
                break;
            }
            if (args[i].equals(OPTION)) {
                value = i + 1 < args.length ? args[i + 1] : "";
            } else if (args[i].startsWith(OPTION + "=")) {
                value = args[i].substring(OPTION.length() + 1);
            }
        }
        if (value == null) {
            return;
        }
        int n;
        try {
            n = Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(OPTION + ": '" + value + "' is not a number; give 1.." + cores
                    + " (the cores available)");
        }
        if (n < 1 || n > cores) {
            throw new IllegalArgumentException(OPTION + ": " + n + " is out of range; give 1.." + cores
                    + " (the cores available; more threads than cores spin and slow every op)");
        }
        GemmThreads.configure(n);
        KernelThreads.configure(n);
    }
}
