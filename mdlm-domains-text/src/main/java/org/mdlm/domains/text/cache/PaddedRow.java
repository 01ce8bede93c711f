package org.mdlm.domains.text.cache;

import java.util.Arrays;
import java.util.OptionalInt;

/**
 * One document as one row of a fixed length (LM1B-style packing): the ids cut to the row, or
 * followed by pad ids up to it. When a cut drops the end-of-sequence id the document ended with,
 * the row's last id becomes that id again (as a tokenizer truncating to a maximum length does).
 */
final class PaddedRow {

    private PaddedRow() {
    }

    /** The row of {@code length} ids made from {@code ids}. */
    static int[] of(int[] ids, int length, int pad, OptionalInt eos) {
        int[] row = new int[length];
        Arrays.fill(row, pad);
        int n = Math.min(ids.length, length);
        System.arraycopy(ids, 0, row, 0, n);
        if (ids.length > length && eos.isPresent() && ids[ids.length - 1] == eos.getAsInt()) {
            row[length - 1] = eos.getAsInt();
        }
        return row;
    }
}
