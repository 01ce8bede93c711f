package org.mdlm.domains.dna;

import java.util.Objects;
import org.mdlm.api.domain.TokenStream;

/** A {@link TokenStream} over a shared range of a byte array of ids (package-private). */
final class ByteTokenStream implements TokenStream {

    private final byte[] ids;
    private final int from;
    private final int length;

    ByteTokenStream(byte[] ids, int from, int length) {
        Objects.checkFromIndexSize(from, length, ids.length);
        this.ids = ids;
        this.from = from;
        this.length = length;
    }

    @Override
    public long length() {
        return length;
    }

    @Override
    public void read(long offset, int[] dst, int dstOffset, int len) {
        Objects.checkFromIndexSize(offset, len, length);
        Objects.checkFromIndexSize(dstOffset, len, dst.length);
        int src = from + (int) offset;
        for (int i = 0; i < len; i++) {
            dst[dstOffset + i] = ids[src + i];
        }
    }
}
