package org.mdlm.api.domain;

/** A corpus could not be read (missing path, empty file, bad encoding); the message names the fix. */
public class DataException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** Creates the exception. */
    public DataException(String message) {
        super(message);
    }

    /** Creates the exception with a cause. */
    public DataException(String message, Throwable cause) {
        super(message, cause);
    }
}
