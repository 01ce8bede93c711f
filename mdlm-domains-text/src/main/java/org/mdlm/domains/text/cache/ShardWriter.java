package org.mdlm.domains.text.cache;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * Streams token ids into shard files of at most {@code shardTokens} ids each, little-endian uint16
 * (ids below 65,536) or int32, through a small buffer: memory stays bounded whatever the corpus size.
 */
public final class ShardWriter implements TokenSink, AutoCloseable {

    private final Path dir;
    private final String stem;
    private final boolean wide;
    private final long shardTokens;
    private final ByteBuffer buffer = ByteBuffer.allocate(1 << 20).order(ByteOrder.LITTLE_ENDIAN);
    private final List<Long> lengths = new ArrayList<>();
    private FileChannel channel;
    private long inShard;
    private long size;
    private int last = -1;

    /**
     * @param dir folder of the shards (it must exist)
     * @param stem file name stem: shards are {@code stem-00000.u16} (or {@code .i32}), ...
     * @param wide int32 ids instead of uint16
     * @param shardTokens ids per shard, at least 1
     */
    public ShardWriter(Path dir, String stem, boolean wide, long shardTokens) {
        if (shardTokens < 1) {
            throw new IllegalArgumentException("shardTokens must be >= 1, got " + shardTokens);
        }
        this.dir = dir;
        this.stem = stem;
        this.wide = wide;
        this.shardTokens = shardTokens;
    }

    /** The file name of shard {@code i}. */
    public static String shardName(String stem, int i, boolean wide) {
        return String.format("%s-%05d.%s", stem, i, wide ? "i32" : "u16");
    }

    /** Bytes per id. */
    public static int bytesPerId(boolean wide) {
        return wide ? 4 : 2;
    }

    @Override
    public void add(int id) {
        if (!wide && (id < 0 || id > 0xFFFF)) {
            throw new IllegalArgumentException("id " + id + " does not fit uint16 shards");
        }
        try {
            if (channel == null || inShard == shardTokens) {
                openNext();
            }
            if (buffer.remaining() < 4) {
                drain();
            }
            if (wide) {
                buffer.putInt(id);
            } else {
                buffer.putShort((short) id);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        inShard++;
        size++;
        last = id;
    }

    @Override
    public long size() {
        return size;
    }

    @Override
    public int last() {
        return last;
    }

    /** The number of ids of each shard written, in order (complete after {@link #close()}). */
    public List<Long> lengths() {
        return List.copyOf(lengths);
    }

    private void openNext() throws IOException {
        closeShard();
        channel = FileChannel.open(dir.resolve(shardName(stem, lengths.size(), wide)),
                StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        inShard = 0;
    }

    private void drain() throws IOException {
        buffer.flip();
        while (buffer.hasRemaining()) {
            channel.write(buffer);
        }
        buffer.clear();
    }

    private void closeShard() throws IOException {
        if (channel != null) {
            drain();
            channel.force(false);
            channel.close();
            lengths.add(inShard);
            channel = null;
        }
    }

    /** Flushes and closes the last shard. */
    @Override
    public void close() {
        try {
            closeShard();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
