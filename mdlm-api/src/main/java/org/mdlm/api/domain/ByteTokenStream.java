package org.mdlm.api.domain;

import java.util.Objects;

/**
 * A {@link TokenStream} over a range of a byte array holding one token id per byte (enough for
 * vocabularies of up to 128 ids), shared by domains whose corpora fit in memory. The array is shared,
 * not copied: do not modify it afterwards.
 */
public final class ByteTokenStream implements TokenStream {

    private final byte[] ids;
    private final int from;
    private final int length;

    /**
     * Wraps {@code ids[from .. from+length)}.
     *
     * @throws IndexOutOfBoundsException if the range is outside the array
     */
    public ByteTokenStream(byte[] ids, int from, int length) {
        Objects.checkFromIndexSize(from, length, Objects.requireNonNull(ids, "ids").length);
        this.ids = ids;
        this.from = from;
        this.length = length;
    }

    /** Wraps the whole array. */
    public ByteTokenStream(byte[] ids) {
        this(ids, 0, ids.length);
    }

    /** {@inheritDoc} */
    @Override
    public long length() {
        return length;
    }

    /** {@inheritDoc} */
    @Override
    public void read(long offset, int[] dst, int dstOffset, int len) {
        Objects.checkFromIndexSize(offset, len, length);
        Objects.checkFromIndexSize(dstOffset, len, dst.length);
        int src = from + (int) offset;
        for (int i = 0; i < len; i++) {
            dst[dstOffset + i] = ids[src + i];
        }
    }
}
