package org.mdlm.engine;

/**
 * What to evaluate: which windows of a split, how many times (noise levels) per window, and the
 * seed of every draw.
 *
 * @param seqLen tokens per window (the model's trained length), at least 2
 * @param windows number of evenly spaced windows (the first at offset 0, the last ending at the
 *                split's end); ignored when {@code full}
 * @param full true: every non-overlapping window of the split, from offset 0 (the reference's
 *             evaluation, comparable with published numbers)
 * @param tSamples times per window, each with its own mask draw, at least 1 (1 when the objective
 *                 draws no noise, whatever is asked)
 * @param samplingEps smallest diffusion time, in (0, 1)
 * @param seed seed of the times, masks and feeds
 */
public record EvalRequest(int seqLen, int windows, boolean full, int tSamples, double samplingEps, long seed) {

    /**
     * Validates the request.
     *
     * @throws IllegalArgumentException naming the bad field
     */
    public EvalRequest {
        if (seqLen < 2) {
            throw new IllegalArgumentException("seqLen must be >= 2, got " + seqLen);
        }
        if (!full && windows < 1) {
            throw new IllegalArgumentException("windows must be >= 1, got " + windows);
        }
        if (tSamples < 1) {
            throw new IllegalArgumentException("tSamples must be >= 1, got " + tSamples);
        }
        if (!(samplingEps > 0.0 && samplingEps < 1.0)) {
            throw new IllegalArgumentException("samplingEps must be in (0, 1), got " + samplingEps);
        }
    }

    /** The periodic evaluation of a training run: its evenly spaced windows and times. */
    public static EvalRequest of(TrainConfig c) {
        return new EvalRequest(c.seqLen(), c.evalWindows(), false, c.evalTSamples(), c.samplingEps(), c.evalSeed());
    }

    /** {@code windows} evenly spaced windows, {@code tSamples} times each. */
    public static EvalRequest sampled(int seqLen, int windows, int tSamples, double samplingEps, long seed) {
        return new EvalRequest(seqLen, windows, false, tSamples, samplingEps, seed);
    }

    /** Every non-overlapping window, {@code tSamples} times each. */
    public static EvalRequest fullSplit(int seqLen, int tSamples, double samplingEps, long seed) {
        return new EvalRequest(seqLen, 0, true, tSamples, samplingEps, seed);
    }

    /** Number of windows over a split of {@code length} tokens. */
    int windowCount(long length) {
        if (length < seqLen) {
            throw new IllegalArgumentException("the split has " + length + " tokens, fewer than seqLen " + seqLen
                    + "; use a larger split or a smaller seqLen");
        }
        return full ? Math.toIntExact(length / seqLen) : windows;
    }

    /** Offset of window {@code w} in a split of {@code length} tokens. */
    long windowOffset(long length, int w) {
        if (full) {
            return (long) w * seqLen;
        }
        if (windows == 1) {
            return 0;
        }
        return Math.round((double) (length - seqLen) * w / (windows - 1));
    }
}
