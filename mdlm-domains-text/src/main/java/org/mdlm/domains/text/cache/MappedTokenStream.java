package org.mdlm.domains.text.cache;

import java.io.IOException;
import java.nio.ByteOrder;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.SplittableRandom;
import org.mdlm.api.domain.TokenStream;

/**
 * A token stream over memory-mapped shard files (see {@link ShardWriter}): the operating system
 * pages ids in as they are read, so a split larger than memory is served without loading it.
 *
 * <p>With a row length {@code r > 0} the stream is a sequence of padded rows of {@code r} ids each:
 * training crops are whole rows (chosen uniformly) and evaluation windows start on a row.
 */
public final class MappedTokenStream implements TokenStream {

    private final MappedByteBuffer[] shards;
    private final long[] starts;
    private final boolean wide;
    private final long length;
    private final int rowLength;

    /**
     * Maps the shards.
     *
     * @param files shard files in order
     * @param lengths ids per shard
     * @param wide int32 ids instead of uint16
     * @param rowLength length of padded rows, or 0 for a continuous stream
     * @throws CorruptShardException if a file's size is not its length times the id width
     * @throws IOException if a file cannot be mapped
     */
    public MappedTokenStream(List<Path> files, List<Long> lengths, boolean wide, int rowLength) throws IOException {
        if (files.size() != lengths.size()) {
            throw new IllegalArgumentException(files.size() + " shard files for " + lengths.size() + " lengths");
        }
        this.wide = wide;
        this.rowLength = rowLength;
        this.shards = new MappedByteBuffer[files.size()];
        this.starts = new long[files.size() + 1];
        int width = ShardWriter.bytesPerId(wide);
        for (int i = 0; i < shards.length; i++) {
            Path f = files.get(i);
            long expected = lengths.get(i) * width;
            long actual = Files.isRegularFile(f) ? Files.size(f) : -1;
            if (actual != expected) {
                throw new CorruptShardException(f, actual, expected);
            }
            try (FileChannel ch = FileChannel.open(f, StandardOpenOption.READ)) {
                shards[i] = ch.map(FileChannel.MapMode.READ_ONLY, 0, expected);
                shards[i].order(ByteOrder.LITTLE_ENDIAN);
            }
            starts[i + 1] = starts[i] + lengths.get(i);
        }
        this.length = starts[shards.length];
        if (rowLength > 0 && length % rowLength != 0) {
            throw new CorruptShardException(files.get(files.size() - 1), length, length - length % rowLength);
        }
    }

    @Override
    public long length() {
        return length;
    }

    /** The padded row length, or 0 for a continuous stream. */
    public int rowLength() {
        return rowLength;
    }

    @Override
    public void read(long offset, int[] dst, int dstOffset, int len) {
        if (offset < 0 || len < 0 || offset + len > length) {
            throw new IndexOutOfBoundsException("range [" + offset + ", " + (offset + len) + ") of a stream of "
                    + length + " tokens");
        }
        int shard = shardOf(offset);
        long at = offset;
        for (int k = 0; k < len; k++, at++) {
            while (at >= starts[shard + 1]) {
                shard++;
            }
            int i = (int) (at - starts[shard]);
            dst[dstOffset + k] = wide ? shards[shard].getInt(i * 4) : Short.toUnsignedInt(shards[shard].getShort(i * 2));
        }
    }

    private int shardOf(long offset) {
        int lo = 0;
        int hi = shards.length - 1;
        while (lo < hi) {
            int mid = (lo + hi + 1) >>> 1;
            if (starts[mid] <= offset) {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        return lo;
    }

    /** {@inheritDoc} For padded rows: a whole row, chosen uniformly; {@code len} must be the row length. */
    @Override
    public long cropOffset(int len, SplittableRandom rng) {
        if (rowLength == 0) {
            return TokenStream.super.cropOffset(len, rng);
        }
        checkRow(len);
        return rowLength * rng.nextLong(length / rowLength);
    }

    /** {@inheritDoc} For padded rows: the start of the row that holds {@code proposed}. */
    @Override
    public long windowOffset(long proposed, int len) {
        if (rowLength == 0) {
            return proposed;
        }
        checkRow(len);
        return proposed - proposed % rowLength;
    }

    private void checkRow(int len) {
        if (len != rowLength) {
            throw new IllegalArgumentException("this corpus is packed in padded rows of " + rowLength
                    + " tokens but the model reads sequences of " + len + "; set train.seq_len=" + rowLength
                    + " or domain.row_length=" + len);
        }
    }
}
