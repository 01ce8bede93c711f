package org.mdlm.domains.dna.fasta;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Keeps the bases on the heap in arrays of {@code 2^segmentBits} bytes (64 MiB by default), so a
 * sequence may exceed 2^31 bases when the heap allows it. The array being filled grows by doubling,
 * so a small genome takes little more memory than its bases.
 */
public final class MemoryBaseSink implements BaseSink {

    /** Segments of 64 MiB. */
    public static final int DEFAULT_SEGMENT_BITS = 26;

    private final int segmentBits;
    private final int segmentSize;
    private final List<ByteBuffer> full = new ArrayList<>();
    private byte[] current = new byte[1 << 12];
    private int used;
    private long length;

    /** A sink with 64 MiB segments. */
    public MemoryBaseSink() {
        this(DEFAULT_SEGMENT_BITS);
    }

    /**
     * A sink with segments of {@code 2^segmentBits} bytes.
     *
     * @throws IllegalArgumentException if {@code segmentBits} is outside 12..30
     */
    public MemoryBaseSink(int segmentBits) {
        if (segmentBits < 12 || segmentBits > 30) {
            throw new IllegalArgumentException("segmentBits " + segmentBits + " is outside 12..30");
        }
        this.segmentBits = segmentBits;
        this.segmentSize = 1 << segmentBits;
    }

    @Override
    public void write(byte[] ids, int off, int len) {
        int o = off;
        int left = len;
        while (left > 0) {
            if (used == current.length) {
                if (current.length == segmentSize) {
                    full.add(ByteBuffer.wrap(current));
                    current = new byte[1 << 12];
                    used = 0;
                } else {
                    current = Arrays.copyOf(current, Math.min(segmentSize, current.length * 2));
                }
            }
            int n = Math.min(left, current.length - used);
            System.arraycopy(ids, o, current, used, n);
            used += n;
            o += n;
            left -= n;
            length += n;
        }
    }

    @Override
    public long length() {
        return length;
    }

    @Override
    public Bases finish() {
        List<ByteBuffer> segments = new ArrayList<>(full);
        if (used > 0) {
            segments.add(ByteBuffer.wrap(used == current.length ? current : Arrays.copyOf(current, used)));
        }
        return new Bases(segments, segmentBits);
    }

    @Override
    public void close() {
        // heap arrays: nothing to release
    }
}
