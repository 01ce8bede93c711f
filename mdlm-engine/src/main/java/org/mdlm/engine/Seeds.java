package org.mdlm.engine;

import java.util.SplittableRandom;

/**
 * Random sources derived only from (seed, index, purpose), so that no random state has to be saved:
 * a resumed run draws exactly the numbers an uninterrupted run would have drawn.
 */
final class Seeds {

    /** Crop offsets of a training batch. */
    static final int CROPS = 1;
    /** Diffusion times of a training batch. */
    static final int TIMES = 2;
    /** Masks of a training batch. */
    static final int MASKS = 3;
    /** Extra placeholder feeds (dropout masks, ...) of a training step. */
    static final int FEEDS = 4;
    /** Validation times (per window). */
    static final int EVAL_TIMES = 11;
    /** Validation masks (per window). */
    static final int EVAL_MASKS = 12;
    /** Validation feeds (per chunk). */
    static final int EVAL_FEEDS = 13;
    /** Inference feeds. */
    static final int INFER_FEEDS = 21;

    private Seeds() {
    }

    /** A random source determined by (seed, index, purpose) alone. */
    static SplittableRandom rng(long seed, long index, int purpose) {
        long h = mix(seed ^ 0x6A09E667F3BCC909L);
        h = mix(h + index * 0x9E3779B97F4A7C15L);
        h = mix(h + purpose * 0xBB67AE8584CAA73BL);
        return new SplittableRandom(h);
    }

    /** The SplitMix64 finaliser (a bijection on longs with good avalanche). */
    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
