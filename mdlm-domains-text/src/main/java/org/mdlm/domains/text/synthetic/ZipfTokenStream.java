package org.mdlm.domains.text.synthetic;

import org.mdlm.api.domain.TokenStream;

/**
 * Independent Zipf-distributed tokens; token i is a pure function of (seed, i), so the stream is
 * random-access without being stored.
 */
final class ZipfTokenStream implements TokenStream {

    private final ZipfLaw law;
    private final long seed;
    private final long length;

    ZipfTokenStream(ZipfLaw law, long seed, long length) {
        this.law = law;
        this.seed = seed;
        this.length = length;
    }

    @Override
    public long length() {
        return length;
    }

    @Override
    public void read(long offset, int[] dst, int dstOffset, int len) {
        if (offset < 0 || len < 0 || offset + len > length || dstOffset < 0 || dstOffset + len > dst.length) {
            throw new IndexOutOfBoundsException("range [" + offset + ", " + (offset + len) + ") outside a stream of "
                    + length + " tokens, or destination too small");
        }
        for (int j = 0; j < len; j++) {
            dst[dstOffset + j] = law.sample(uniform(seed, offset + j));
        }
    }

    /** A uniform double in [0, 1) from the SplitMix64 finaliser of (seed, index). */
    static double uniform(long seed, long index) {
        long z = seed + (index + 1) * 0x9E3779B97F4A7C15L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        z = z ^ (z >>> 31);
        return (z >>> 11) * 0x1.0p-53;
    }
}
