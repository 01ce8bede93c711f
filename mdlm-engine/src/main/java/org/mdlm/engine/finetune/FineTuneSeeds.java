package org.mdlm.engine.finetune;

import java.util.SplittableRandom;

/**
 * The random sources of a fine-tune, each a function of (seed, purpose, indices) alone, so that a
 * fold's draws do not depend on what ran before it, and the pretrained and scratch models of a fold
 * see the same head initialisation, batches and dropout masks.
 */
final class FineTuneSeeds {

    /** The shuffle of one class's rows before they are dealt into folds (index: class). */
    static final int FOLDS = 1;
    /** The head's initial weights (index: fold). */
    static final int HEAD = 2;
    /** The order of the training rows in one epoch (indices: fold, epoch). */
    static final int ORDER = 3;
    /** The backbone's feeds (dropout masks) of one step (indices: fold, step). */
    static final int FEEDS = 4;
    /** The scratch baseline's backbone initialisation (index: fold). */
    static final int SCRATCH = 5;

    private FineTuneSeeds() {
    }

    /** A random source determined by {@code seed}, {@code purpose} and {@code indices} alone. */
    static SplittableRandom rng(long seed, int purpose, long... indices) {
        return new SplittableRandom(value(seed, purpose, indices));
    }

    /** A 64-bit seed determined by {@code seed}, {@code purpose} and {@code indices} alone. */
    static long value(long seed, int purpose, long... indices) {
        long h = mix(seed ^ 0x3C6EF372FE94F82BL);
        h = mix(h + purpose * 0xA54FF53A5F1D36F1L);
        for (long i : indices) {
            h = mix(h + (i + 1) * 0x9E3779B97F4A7C15L);
        }
        return h;
    }

    /** The SplitMix64 finaliser. */
    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
