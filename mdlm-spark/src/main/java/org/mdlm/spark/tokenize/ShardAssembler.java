package org.mdlm.spark.tokenize;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.apache.spark.api.java.function.Function;
import org.mdlm.domains.text.cache.ShardWriter;

/**
 * The task that writes shard {@code k} of an entry, on an executor: the ids
 * {@code [k * shardTokens, min((k + 1) * shardTokens, total))} of the corpus, copied byte for byte
 * from the part files that hold them (the parts are in corpus order, in the shards' own layout), so
 * no id is decoded and no token passes through the driver. A retried task rewrites the whole shard.
 *
 * @param parts the part files in corpus order
 * @param partTokens the ids of each part
 * @param shardTokens ids per shard
 * @param wide int32 ids instead of uint16
 * @param entryDir the folder of the entry being built
 * @param stem the shards' name stem
 */
record ShardAssembler(String[] parts, long[] partTokens, long shardTokens, boolean wide, String entryDir, String stem)
        implements Function<Integer, Long> {

    private static final long serialVersionUID = 1L;

    /** Writes shard {@code k} and returns its number of ids. */
    @Override
    public Long call(Integer k) {
        int width = ShardWriter.bytesPerId(wide);
        long from = k * shardTokens;
        long to = from + shardTokens;
        Path shard = Path.of(entryDir).resolve(ShardWriter.shardName(stem, k, wide));
        long written = 0;
        try (FileChannel out = FileChannel.open(shard, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            long partStart = 0;
            for (int i = 0; i < parts.length && partStart < to; i++) {
                long partEnd = partStart + partTokens[i];
                long a = Math.max(from, partStart);
                long b = Math.min(to, partEnd);
                if (a < b) {
                    copy(Path.of(parts[i]), (a - partStart) * width, (b - a) * width, out);
                    written += b - a;
                }
                partStart = partEnd;
            }
            out.force(false);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write shard " + shard + ": " + e.getMessage(), e);
        }
        return written;
    }

    private static void copy(Path part, long offset, long bytes, FileChannel out) throws IOException {
        try (FileChannel in = FileChannel.open(part, StandardOpenOption.READ)) {
            if (in.size() < offset + bytes) {
                throw new IOException("part " + part + " has " + in.size() + " bytes, fewer than the "
                        + (offset + bytes) + " its task reported");
            }
            for (long done = 0; done < bytes; ) {
                done += in.transferTo(offset + done, bytes - done, out);
            }
        }
    }
}
