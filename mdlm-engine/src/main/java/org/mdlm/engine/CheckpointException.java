package org.mdlm.engine;

/** A checkpoint could not be read, written or used; the message names the file and what to do. */
public final class CheckpointException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** Creates the exception with a message. */
    public CheckpointException(String message) {
        super(message);
    }

    /** Creates the exception with a message and its cause. */
    public CheckpointException(String message, Throwable cause) {
        super(message, cause);
    }
}
