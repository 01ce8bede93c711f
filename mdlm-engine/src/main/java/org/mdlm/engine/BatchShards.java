package org.mdlm.engine;

import java.util.LinkedHashMap;
import java.util.Map;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.indexing.INDArrayIndex;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * How a batch is cut for N gradient workers, in one place for the threads of
 * {@link DataParallelGradients} and the executors of {@link ShardWorker}: {@code min(N, B)}
 * contiguous shards, shard {@code w} holding rows {@code [B*w/n, B*(w+1)/n)}; workers past the
 * last shard get none. A placeholder is cut when its first axis is the batch ({@code B}) or batch
 * times length ({@code B*L}, a flattened per-position feed); any other goes whole to every shard.
 */
final class BatchShards {

    private BatchShards() {
    }

    /** Number of non-empty shards of a batch of {@code batch} rows among {@code workers} workers. */
    static int count(long batch, int workers) {
        return (int) Math.min(workers, batch);
    }

    /** First row of shard {@code w} of {@code n} (also the end of shard {@code w-1}). */
    static long start(long batch, int n, int w) {
        return batch * w / n;
    }

    /** Shard {@code w} of {@code n} of the placeholders {@code ph} of a batch [B, L] ({@code w < n}). */
    static Map<String, INDArray> shard(Map<String, INDArray> ph, int n, int w) {
        INDArray counted = ph.get(ModelGraph.COUNTED);
        long b = counted.size(0);
        return cut(ph, b, counted.size(1), start(b, n, w), start(b, n, w + 1));
    }

    /** Rows {@code [from, to)} of every placeholder that has a batch axis; the others whole. */
    static Map<String, INDArray> cut(Map<String, INDArray> ph, long b, long l, long from, long to) {
        Map<String, INDArray> out = new LinkedHashMap<>();
        for (Map.Entry<String, INDArray> e : ph.entrySet()) {
            INDArray a = e.getValue();
            long k = a.rank() == 0 ? 0 : a.size(0) == b ? 1 : a.size(0) == b * l ? l : 0;
            if (k == 0) {
                out.put(e.getKey(), a);
                continue;
            }
            INDArrayIndex[] index = new INDArrayIndex[a.rank()];
            index[0] = NDArrayIndex.interval(k * from, k * to);
            for (int d = 1; d < a.rank(); d++) {
                index[d] = NDArrayIndex.all();
            }
            out.put(e.getKey(), a.get(index).dup('c'));
        }
        return out;
    }
}
