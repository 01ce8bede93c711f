package org.mdlm.cli.config;

/** A config, preset or override is invalid; the message names the key and the fix. */
public class ConfigException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** Creates the exception. */
    public ConfigException(String message) {
        super(message);
    }

    /** Creates the exception with a cause. */
    public ConfigException(String message, Throwable cause) {
        super(message, cause);
    }
}
