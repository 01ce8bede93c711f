package org.mdlm.api.domain;

/** Which part of a corpus. */
public enum Split {
    /** Training data. */
    TRAIN,
    /** Validation data (periodic NELBO during training). */
    VALID,
    /** Held-out test data. */
    TEST
}
