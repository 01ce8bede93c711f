package org.mdlm.api.plugin;

/** A plugin could not be found, loaded or configured; the message says what to do about it. */
public class PluginException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** Creates the exception with a message that names the problem and the fix. */
    public PluginException(String message) {
        super(message);
    }

    /** Creates the exception with a cause. */
    public PluginException(String message, Throwable cause) {
        super(message, cause);
    }
}
