package org.mdlm.cli.run;

import java.nio.file.Path;

/**
 * One split tokenized by a cluster ({@link ClusterTokenizationProvider}).
 *
 * @param split {@code train}, {@code valid} or {@code test}
 * @param entry the entry folder written
 * @param documents the non-empty documents read
 * @param tokens the ids written
 * @param shards the shard files written
 * @param seconds the wall time of the split, from reading to the entry's rename
 */
public record TokenizedSplit(String split, Path entry, long documents, long tokens, int shards, double seconds) {

    /** Ids written per second of wall time. */
    public double tokensPerSecond() {
        return seconds > 0 ? tokens / seconds : 0;
    }
}
