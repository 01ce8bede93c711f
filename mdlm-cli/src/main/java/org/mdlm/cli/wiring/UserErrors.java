package org.mdlm.cli.wiring;

import com.google.inject.ProvisionException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.Set;

/**
 * Turns failures into messages: bad input (unknown plugin, preset or key, invalid value, missing
 * data, unreadable checkpoint) prints one clear line and exits 2; anything else prints the stack
 * trace and exits 1.
 */
public final class UserErrors {

    /** Exit code for bad input. */
    public static final int BAD_INPUT = 2;
    /** Exit code for unexpected failures. */
    public static final int FAILURE = 1;

    private static final Set<String> USER_ERRORS = Set.of(
            "org.mdlm.cli.config.ConfigException",
            "org.mdlm.api.plugin.PluginException",
            "org.mdlm.api.domain.DataException",
            "org.mdlm.engine.CheckpointException",
            "org.mdlm.engine.TrainingDivergedException");

    private UserErrors() {
    }

    /** Prints {@code e} for a user and returns the exit code. */
    public static int report(Throwable e, PrintWriter err) {
        Throwable t = e;
        while ((t instanceof ProvisionException || t instanceof com.google.inject.CreationException)
                && t.getCause() != null) {
            t = t.getCause();
        }
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (USER_ERRORS.contains(c.getClass().getName()) || (c == t && c instanceof IllegalArgumentException)) {
                err.println("mdlm: error: " + c.getMessage());
                err.flush();
                return BAD_INPUT;
            }
            if (c instanceof UncheckedIOException && c.getCause() != null) {
                err.println("mdlm: error: " + c.getCause().getMessage());
                err.flush();
                return BAD_INPUT;
            }
        }
        err.println("mdlm: unexpected failure: " + t);
        t.printStackTrace(err);
        err.flush();
        return FAILURE;
    }
}
