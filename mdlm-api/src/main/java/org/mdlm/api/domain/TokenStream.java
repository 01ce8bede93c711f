package org.mdlm.api.domain;

/**
 * A tokenized corpus split as one long sequence of ids, read by random access so that a trainer
 * can cut crops and an evaluator can cut windows anywhere.
 */
public interface TokenStream {

    /** Number of tokens. */
    long length();

    /**
     * Copies {@code len} tokens starting at {@code offset} into {@code dst[dstOffset..]}.
     *
     * @throws IndexOutOfBoundsException if the range is outside the stream
     */
    void read(long offset, int[] dst, int dstOffset, int len);
}
