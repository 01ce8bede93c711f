package org.mdlm.domains.text;

import java.util.Arrays;
import java.util.Objects;
import org.mdlm.api.domain.TokenStream;

/**
 * A {@link TokenStream} over an {@code int[]} holding one token id per element, for vocabularies
 * too large for {@link org.mdlm.api.domain.ByteTokenStream} (GPT-2's 50,258 ids). The array is
 * shared, not copied: do not modify it afterwards.
 */
public final class IntTokenStream implements TokenStream {

    private final int[] ids;
    private final int length;

    /**
     * Wraps {@code ids[0 .. length)}.
     *
     * @throws IndexOutOfBoundsException if {@code length} is negative or exceeds the array
     */
    public IntTokenStream(int[] ids, int length) {
        Objects.checkFromIndexSize(0, length, Objects.requireNonNull(ids, "ids").length);
        this.ids = ids;
        this.length = length;
    }

    /** Wraps the whole array. */
    public IntTokenStream(int[] ids) {
        this(ids, ids.length);
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
        System.arraycopy(ids, (int) offset, dst, dstOffset, len);
    }

    /** A growable int array that becomes an {@link IntTokenStream} (package-private helper). */
    static final class Builder {
        private int[] ids = new int[1 << 16];
        private int size;

        void add(int id) {
            if (size == ids.length) {
                grow(1);
            }
            ids[size++] = id;
        }

        void addAll(int[] more) {
            if (size + more.length > ids.length) {
                grow(more.length);
            }
            System.arraycopy(more, 0, ids, size, more.length);
            size += more.length;
        }

        int size() {
            return size;
        }

        int last() {
            return ids[size - 1];
        }

        IntTokenStream build() {
            return new IntTokenStream(size == ids.length ? ids : Arrays.copyOf(ids, size));
        }

        private void grow(int atLeast) {
            long wanted = Math.max((long) ids.length * 3 / 2, (long) size + atLeast);
            if (wanted > Integer.MAX_VALUE - 16) {
                if ((long) size + atLeast > Integer.MAX_VALUE - 16) {
                    throw new IllegalStateException("a split of more than " + (Integer.MAX_VALUE - 16)
                            + " tokens does not fit in memory as one int array");
                }
                wanted = Integer.MAX_VALUE - 16;
            }
            ids = Arrays.copyOf(ids, (int) wanted);
        }
    }
}
