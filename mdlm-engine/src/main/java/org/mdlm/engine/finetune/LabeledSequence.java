package org.mdlm.engine.finetune;

import java.util.Objects;

/**
 * One row of a classification task: its token ids (padded to the task's length when the
 * vocabulary pads), its class index and where it came from.
 *
 * @param tokens token ids, the task's length
 * @param label index of the class in {@link ClassificationTask#classes()}
 * @param line 1-based line of the task file (0 when the row did not come from a file)
 */
public record LabeledSequence(int[] tokens, int label, int line) {

    /** Validates the row. */
    public LabeledSequence {
        Objects.requireNonNull(tokens, "tokens");
        if (tokens.length == 0) {
            throw new IllegalArgumentException("a sequence needs at least one token (line " + line + ")");
        }
        if (label < 0) {
            throw new IllegalArgumentException("label must be a class index >= 0, got " + label);
        }
    }
}
