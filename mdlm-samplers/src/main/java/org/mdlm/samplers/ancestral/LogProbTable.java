package org.mdlm.samplers.ancestral;

import org.nd4j.linalg.api.buffer.DataBuffer;
import org.nd4j.linalg.api.ndarray.INDArray;

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
     * @throws IllegalStateException if the array is not [batch, length, vocab]
     */
    static LogProbTable read(INDArray logp, int batch, int length, int vocab) {
        if (logp == null) {
            throw new IllegalStateException("the denoiser returned null instead of log p(x0 | xt)");
        }
        long[] shape = logp.shape();
        if (shape.length != 3 || shape[0] != batch || shape[1] != length || shape[2] != vocab) {
            throw new IllegalStateException("the denoiser returned log p(x0 | xt) of shape "
                    + java.util.Arrays.toString(shape) + ", expected [" + batch + ", " + length + ", " + vocab + "]");
        }
        long n = (long) batch * length * vocab;
        if (n > Integer.MAX_VALUE - 8) {
            throw new IllegalStateException("log p(x0 | xt) has " + n + " entries, more than one Java array holds;"
                    + " sample fewer or shorter sequences per request");
        }
        boolean direct = logp.ordering() == 'c' && !logp.isView() && logp.data().length() == n;
        DataBuffer data = (direct ? logp : logp.dup('c')).data();
        float[] values = data.asFloat();
        if (values.length < n) {
            throw new IllegalStateException("log p(x0 | xt) buffer holds " + values.length + " values, expected " + n);
        }
        return new LogProbTable(values, length, vocab);
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
