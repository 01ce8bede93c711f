package org.mdlm.samplers.ancestral;

import org.mdlm.api.model.DenoiserOutput;

/**
 * One denoiser output, log p(x0 | xt) of shape [B, L, V], copied once into a flat Java array in
 * row-major order so that position (b, l) starts at {@code (b * L + l) * V}.
 */
final class LogProbTable {

    private final float[] values;
    private final int length;
    private final int vocab;

    private LogProbTable(float[] values, int length, int vocab) {
        this.values = values;
        this.length = length;
        this.vocab = vocab;
    }

    /**
     * Reads a denoiser output after checking its shape.
     *
     * @throws IllegalStateException if the output is not [batch, length, vocab]
     */
    static LogProbTable read(DenoiserOutput out, int batch, int length, int vocab) {
        if (out == null) {
            throw new IllegalStateException("the denoiser returned null instead of log p(x0 | xt)");
        }
        if (out.batch() != batch || out.length() != length || out.vocab() != vocab) {
            throw new IllegalStateException("the denoiser returned an output of shape [" + out.batch() + ", "
                    + out.length() + ", " + out.vocab() + "], expected [" + batch + ", " + length + ", " + vocab + "]");
        }
        return new LogProbTable(out.values(), length, vocab);
    }

    /** Offset of position (b, l) in {@link #values()}. */
    int offset(int b, int l) {
        return (b * length + l) * vocab;
    }

    /** The flat row-major values; not copied, do not modify. */
    float[] values() {
        return values;
    }
}
