package org.mdlm.engine;

import java.io.OutputStream;
import java.io.PrintStream;
import java.util.function.Supplier;

/**
 * Runs an action with {@code System.out} redirected to nothing: SameDiff prints one
 * "Added differentiated op" line per op while it builds a gradient function, and the CLI's stdout
 * must stay clean. Output written by other threads meanwhile is lost too, so keep the action short.
 */
final class StdoutSilencer {

    private static final PrintStream NULL = new PrintStream(OutputStream.nullOutputStream());

    private StdoutSilencer() {
    }

    /** Runs {@code action} with stdout silenced and restores it afterwards, even on failure. */
    static synchronized <T> T silenced(Supplier<T> action) {
        PrintStream original = System.out;
        System.setOut(NULL);
        try {
            return action.get();
        } finally {
            System.setOut(original);
        }
    }
}
