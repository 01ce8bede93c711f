package org.mdlm.domains.text;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPInputStream;

/**
 * Opens (optionally gzipped) byte streams and decodes them as UTF-8 strictly, in large chunks:
 * malformed input is reported, never silently replaced (package-private helper).
 */
final class StrictUtf8 {

    /** Receives decoded characters chunk by chunk. */
    @FunctionalInterface
    interface CharSink {
        /** Takes {@code len} characters of {@code buf} from {@code off}; must not keep {@code buf}. */
        void accept(char[] buf, int off, int len);
    }

    /** Thrown when the bytes are not UTF-8; carries the offset of the first bad byte. */
    static final class MalformedUtf8Exception extends IOException {
        private static final long serialVersionUID = 1L;
        final long byteOffset;

        MalformedUtf8Exception(long byteOffset) {
            super("malformed UTF-8 at byte offset " + byteOffset);
            this.byteOffset = byteOffset;
        }
    }

    static final int BUFFER = 1 << 20;

    private StrictUtf8() {
    }

    /** Wraps {@code raw} in a gzip decoder when it starts with the gzip magic bytes (1f 8b). */
    static InputStream maybeGunzip(InputStream raw) throws IOException {
        BufferedInputStream in = new BufferedInputStream(raw, 1 << 16);
        in.mark(2);
        int b0 = in.read();
        int b1 = in.read();
        in.reset();
        if (b0 == 0x1f && b1 == 0x8b) {
            return new GZIPInputStream(in, 1 << 16);
        }
        return in;
    }

    /**
     * Decodes all of {@code in} as UTF-8 and hands the characters to {@code sink}.
     *
     * @throws MalformedUtf8Exception at the first malformed or truncated byte sequence
     */
    static void decode(InputStream in, CharSink sink) throws IOException {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer bytes = ByteBuffer.allocate(BUFFER);
        CharBuffer chars = CharBuffer.allocate(BUFFER);
        long consumed = 0;
        boolean eof = false;
        while (!eof) {
            int n = in.read(bytes.array(), bytes.position(), bytes.remaining());
            if (n < 0) {
                eof = true;
            } else {
                bytes.position(bytes.position() + n);
            }
            bytes.flip();
            CoderResult result;
            do {
                int before = bytes.position();
                result = decoder.decode(bytes, chars, eof);
                consumed += bytes.position() - before;
                if (result.isError()) {
                    throw new MalformedUtf8Exception(consumed);
                }
                drain(chars, sink);
            } while (result.isOverflow());
            bytes.compact();
        }
        decoder.flush(chars);
        drain(chars, sink);
    }

    private static void drain(CharBuffer chars, CharSink sink) {
        chars.flip();
        if (chars.hasRemaining()) {
            sink.accept(chars.array(), chars.position(), chars.remaining());
        }
        chars.clear();
    }
}
