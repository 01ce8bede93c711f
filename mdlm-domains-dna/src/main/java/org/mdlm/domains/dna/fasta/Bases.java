package org.mdlm.domains.dna.fasta;

import java.nio.ByteBuffer;
import java.util.List;
import java.util.Objects;

/**
 * A read-only sequence of nucleotide ids, one byte per base, addressed by {@code long} positions:
 * a genome is longer than one Java array can be (hg38 has 3.1 billion bases). The bytes live in
 * segments of {@code 2^segmentBits} bytes (the last one may be shorter), each a {@link ByteBuffer}:
 * arrays on the heap ({@link MemoryBaseSink}) or read-only maps of a file ({@link FileBaseSink}).
 * Safe for concurrent readers.
 */
public final class Bases {

    private final ByteBuffer[] segments;
    private final int segmentBits;
    private final long segmentMask;
    private final long length;

    /**
     * Wraps segments; every segment but the last holds exactly {@code 2^segmentBits} bytes.
     *
     * @throws IllegalArgumentException if the segment sizes do not follow that rule
     */
    public Bases(List<ByteBuffer> segments, int segmentBits) {
        if (segmentBits < 1 || segmentBits > 30) {
            throw new IllegalArgumentException("segmentBits " + segmentBits + " is outside 1..30");
        }
        this.segments = new ByteBuffer[segments.size()];
        long total = 0;
        for (int i = 0; i < this.segments.length; i++) {
            ByteBuffer s = Objects.requireNonNull(segments.get(i), "segment").duplicate();
            boolean last = i == this.segments.length - 1;
            if (last ? s.capacity() > (1 << segmentBits) : s.capacity() != (1 << segmentBits)) {
                throw new IllegalArgumentException("segment " + i + " holds " + s.capacity() + " bytes; every segment "
                        + "but the last must hold 2^" + segmentBits + " and the last at most that");
            }
            this.segments[i] = s;
            total += s.capacity();
        }
        this.segmentBits = segmentBits;
        this.segmentMask = (1L << segmentBits) - 1;
        this.length = total;
    }

    /** Number of bases. */
    public long length() {
        return length;
    }

    /**
     * The id of the base at {@code position}.
     *
     * @throws IndexOutOfBoundsException if the position is outside {@code [0, length)}
     */
    public int get(long position) {
        Objects.checkIndex(position, length);
        return segments[(int) (position >>> segmentBits)].get((int) (position & segmentMask));
    }

    /**
     * Copies {@code len} ids starting at {@code from} into {@code dst[dstOffset..]}.
     *
     * @throws IndexOutOfBoundsException if either range is outside its sequence
     */
    public void copy(long from, int[] dst, int dstOffset, int len) {
        Objects.checkFromIndexSize(from, len, length);
        Objects.checkFromIndexSize(dstOffset, len, dst.length);
        long p = from;
        int d = dstOffset;
        int left = len;
        while (left > 0) {
            ByteBuffer s = segments[(int) (p >>> segmentBits)];
            int at = (int) (p & segmentMask);
            int n = Math.min(left, s.capacity() - at);
            for (int i = 0; i < n; i++) {
                dst[d + i] = s.get(at + i);
            }
            p += n;
            d += n;
            left -= n;
        }
    }

    /**
     * A copy of {@code len} ids starting at {@code from}, as bytes.
     *
     * @throws IndexOutOfBoundsException if the range is outside the sequence
     */
    public byte[] bytes(long from, int len) {
        Objects.checkFromIndexSize(from, len, length);
        byte[] out = new byte[len];
        long p = from;
        int d = 0;
        while (d < len) {
            ByteBuffer s = segments[(int) (p >>> segmentBits)];
            int at = (int) (p & segmentMask);
            int n = Math.min(len - d, s.capacity() - at);
            s.get(at, out, d, n);
            p += n;
            d += n;
        }
        return out;
    }
}
