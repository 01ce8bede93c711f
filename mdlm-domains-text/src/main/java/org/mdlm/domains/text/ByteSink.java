package org.mdlm.domains.text;

import java.util.Arrays;
import org.mdlm.api.domain.DataException;

/** A growable array of token ids stored one byte each (package-private helper). */
final class ByteSink {

    private static final int MAX_LENGTH = Integer.MAX_VALUE - 16;

    private byte[] buf;
    private int size;

    ByteSink(int initialCapacity) {
        buf = new byte[Math.max(16, initialCapacity)];
    }

    void add(int id) {
        if (size == buf.length) {
            grow();
        }
        buf[size++] = (byte) id;
    }

    int size() {
        return size;
    }

    byte last() {
        return buf[size - 1];
    }

    /** The ids written so far, in an array of exactly {@link #size()} bytes. */
    byte[] toArray() {
        return buf.length == size ? buf : Arrays.copyOf(buf, size);
    }

    private void grow() {
        if (size >= MAX_LENGTH) {
            throw new DataException("corpus has more than " + MAX_LENGTH
                    + " tokens, more than one array can hold; split it into smaller files");
        }
        int next = (int) Math.min(MAX_LENGTH, Math.max(16L, buf.length * 2L));
        buf = Arrays.copyOf(buf, next);
    }
}
