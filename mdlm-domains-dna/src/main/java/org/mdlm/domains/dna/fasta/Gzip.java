package org.mdlm.domains.dna.fasta;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;

/**
 * Opens a stream that may be gzip-compressed, recognised by its two magic bytes rather than a file
 * name. Every gzip member is read, one after the other (bgzip files are a series of members), also
 * when the stream is a pipe: the JDK 17 {@link java.util.zip.GZIPInputStream} asks
 * {@code available()} whether another member follows and stops silently when a pipe answers 0
 * (JDK-7036144), so Apache Commons Compress decompresses here.
 */
public final class Gzip {

    private Gzip() {
    }

    /**
     * {@code raw} itself (buffered) when it does not start with the gzip magic bytes, else its
     * members decompressed in order.
     *
     * @throws IOException if reading the first bytes or the first gzip header fails
     */
    public static InputStream decompressed(InputStream raw) throws IOException {
        BufferedInputStream in = new BufferedInputStream(raw, 1 << 16);
        in.mark(2);
        int b0 = in.read();
        int b1 = in.read();
        in.reset();
        return b0 == 0x1f && b1 == 0x8b ? new GzipCompressorInputStream(in, true) : in;
    }
}
