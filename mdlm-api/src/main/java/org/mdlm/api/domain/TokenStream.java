package org.mdlm.api.domain;

import java.util.SplittableRandom;

/**
 * A tokenized corpus split as one long sequence of ids, read by random access so that a trainer
 * can cut crops and an evaluator can cut windows anywhere.
 *
 * <p>Where crops may start is the stream's to say. By default any position is a start: training
 * crops are uniform over {@code [0, length - len]} and evaluation windows sit where the evaluator
 * puts them. A stream with structure overrides {@link #cropOffset} and {@link #windowOffset}: a
 * stream of padded sentences keeps every crop on a row boundary, a genome keeps windows inside one
 * chromosome and away from long runs of unknown bases. A stream may also change each training crop
 * after reading it ({@link #transformCrop}, e.g. a genome's reverse-complement augmentation).
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

    /**
     * The start of one training crop of {@code len} tokens, drawn with {@code rng} only (so a batch
     * stays a function of its seed). The default is uniform over every start that fits.
     *
     * @throws IllegalArgumentException if no crop of {@code len} tokens fits in the stream
     */
    default long cropOffset(int len, SplittableRandom rng) {
        long n = length();
        if (n < len) {
            throw new IllegalArgumentException("the token stream has " + n + " tokens, fewer than seqLen " + len
                    + "; use a larger corpus or a smaller seqLen");
        }
        return rng.nextLong(n - len + 1);
    }

    /**
     * The start of an evaluation window of {@code len} tokens that the evaluator proposes at
     * {@code proposed}; the default accepts it. A structured stream moves it to the nearest start
     * it allows.
     */
    default long windowOffset(long proposed, int len) {
        return proposed;
    }

    /**
     * Changes one training crop in place, right after it was read, drawing only from {@code rng}
     * (the generator that chose where the crop starts: the engine calls {@link #cropOffset},
     * {@link #read} and then this method for each row of a batch in turn). For data augmentation,
     * e.g. reverse-complementing a DNA crop with some probability. Evaluation windows are never
     * transformed. The default leaves the crop as it is and draws nothing.
     */
    default void transformCrop(int[] crop, SplittableRandom rng) {
    }
}
