package org.mdlm.engine;

import org.mdlm.api.domain.TokenStream;

/** A token stream over an int array (tests). */
final class ArrayTokenStream implements TokenStream {

    private final int[] tokens;

    ArrayTokenStream(int[] tokens) {
        this.tokens = tokens.clone();
    }

    /** {@code length} tokens repeating {@code pattern}. */
    static ArrayTokenStream repeating(int[] pattern, int length) {
        int[] t = new int[length];
        for (int i = 0; i < length; i++) {
            t[i] = pattern[i % pattern.length];
        }
        return new ArrayTokenStream(t);
    }

    @Override
    public long length() {
        return tokens.length;
    }

    @Override
    public void read(long offset, int[] dst, int dstOffset, int len) {
        if (offset < 0 || offset + len > tokens.length) {
            throw new IndexOutOfBoundsException("range [" + offset + ", " + (offset + len) + ") outside [0, "
                    + tokens.length + ")");
        }
        System.arraycopy(tokens, (int) offset, dst, dstOffset, len);
    }
}
