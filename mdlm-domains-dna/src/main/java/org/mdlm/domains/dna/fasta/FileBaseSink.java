package org.mdlm.domains.dna.fasta;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes the bases to a file, one byte per base, and maps it read-only in segments of 1 GiB: the
 * bases then live in the operating system's page cache, not on the Java heap, and a genome of any
 * size fits. Closing an unfinished sink deletes the file; a finished sink leaves it to its caller
 * (a cache keeps it, a temporary copy may be deleted at once: the map stays valid on POSIX systems).
 */
public final class FileBaseSink implements BaseSink {

    /** Mapped segments of 1 GiB. */
    public static final int SEGMENT_BITS = 30;

    private final Path file;
    private final FileChannel channel;
    private final ByteBuffer buffer = ByteBuffer.allocateDirect(1 << 20);
    private long length;
    private boolean finished;

    /**
     * Creates (or truncates) {@code file}.
     *
     * @throws IOException if the file cannot be created
     */
    public FileBaseSink(Path file) throws IOException {
        this.file = file;
        this.channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING,
                StandardOpenOption.READ, StandardOpenOption.WRITE);
    }

    /** The file written. */
    public Path file() {
        return file;
    }

    @Override
    public void write(byte[] ids, int off, int len) throws IOException {
        int o = off;
        int left = len;
        while (left > 0) {
            int n = Math.min(left, buffer.remaining());
            buffer.put(ids, o, n);
            o += n;
            left -= n;
            length += n;
            if (!buffer.hasRemaining()) {
                drain();
            }
        }
    }

    private void drain() throws IOException {
        buffer.flip();
        while (buffer.hasRemaining()) {
            channel.write(buffer);
        }
        buffer.clear();
    }

    @Override
    public long length() {
        return length;
    }

    @Override
    public Bases finish() throws IOException {
        drain();
        Bases bases = map(channel, length);
        finished = true;
        channel.close();
        return bases;
    }

    /**
     * Maps the first {@code length} bytes of an existing file read-only.
     *
     * @throws IOException if the file is shorter or cannot be mapped
     */
    public static Bases map(Path file, long length) throws IOException {
        try (FileChannel c = FileChannel.open(file, StandardOpenOption.READ)) {
            if (c.size() < length) {
                throw new IOException(file + " holds " + c.size() + " bytes, fewer than the " + length + " expected");
            }
            return map(c, length);
        }
    }

    private static Bases map(FileChannel c, long length) throws IOException {
        List<ByteBuffer> segments = new ArrayList<>();
        long segment = 1L << SEGMENT_BITS;
        for (long at = 0; at < length; at += segment) {
            segments.add(c.map(FileChannel.MapMode.READ_ONLY, at, Math.min(segment, length - at)));
        }
        return new Bases(segments, SEGMENT_BITS);
    }

    @Override
    public void close() throws IOException {
        if (!finished) {
            channel.close();
            Files.deleteIfExists(file);
        }
    }
}
