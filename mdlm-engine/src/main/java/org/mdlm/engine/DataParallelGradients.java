package org.mdlm.engine;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;
import org.mdlm.api.kernels.KernelThreads;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A data-parallel step in one process: the batch's placeholders are cut along the batch axis into
 * N contiguous shards ({@link BatchShards}: rows {@code [B*w/N, B*(w+1)/N)}), each shard's gradients are computed by
 * its own {@link GradientWorker} (worker 0 in the calling thread, the others on their own threads,
 * each with its own graph: SameDiff graphs are not thread-safe), and the results are combined as
 * the whole batch's: the loss and every gradient are the shards' weighted by their share of the
 * counted tokens, summed in worker order. A run is therefore reproducible at a given N, and equals
 * the one-worker run up to float rounding of that sum.
 *
 * <p>A placeholder is cut when its first axis is the batch ({@code B}) or batch times length
 * ({@code B*L}, a flattened per-position feed); any other placeholder goes whole to every worker.
 * Every feed is drawn once for the whole batch, so dropout masks and noise equal the one-worker
 * run's.
 */
final class DataParallelGradients implements GradientWorker {

    private final List<GradientWorker> workers;
    /** One thread per worker 1..n-1 (index w-1), so a graph is only ever used by one thread. */
    private final List<ExecutorService> threads = new ArrayList<>();

    /**
     * @param first worker 0, run in the calling thread
     * @param n number of workers, at least 2
     * @param more creates worker {@code w} (1..n-1); it is created on, and only used by, its own thread
     */
    DataParallelGradients(GradientWorker first, int n, IntFunction<GradientWorker> more) {
        if (n < 2) {
            throw new IllegalArgumentException("a data-parallel step needs at least 2 workers, got " + n);
        }
        this.workers = new ArrayList<>();
        workers.add(first);
        List<Future<GradientWorker>> made = new ArrayList<>();
        for (int w = 1; w < n; w++) {
            int id = w;
            ExecutorService thread = Executors.newSingleThreadExecutor(r -> {
                Thread t = new Thread(r, "mdlm-gradient-worker-" + id);
                t.setDaemon(true);
                return t;
            });
            threads.add(thread);
            made.add(thread.submit(() -> more.apply(id)));
        }
        for (Future<GradientWorker> f : made) {
            workers.add(join(f));
        }
    }

    /** Number of workers. */
    int size() {
        return workers.size();
    }

    @Override
    public Result gradients(Map<String, INDArray> ph, Map<String, INDArray> weights) {
        int n = BatchShards.count(ph.get(ModelGraph.COUNTED).size(0), workers.size());
        List<Map<String, INDArray>> shards = new ArrayList<>();
        for (int w = 0; w < n; w++) {
            shards.add(BatchShards.shard(ph, n, w));
        }
        // Workers 1.. run on their own threads while worker 0 runs here.
        List<Future<Result>> pending = new ArrayList<>();
        for (int w = 1; w < n; w++) {
            GradientWorker worker = workers.get(w);
            Map<String, INDArray> s = shards.get(w);
            pending.add(threads.get(w - 1).submit(
                    () -> KernelThreads.onCallingThread(() -> worker.gradients(s, weights))));
        }
        // Each worker has a core: the Java kernels stay on their worker's thread.
        List<Result> results = new ArrayList<>();
        results.add(KernelThreads.onCallingThread(() -> workers.get(0).gradients(shards.get(0), weights)));
        for (Future<Result> f : pending) {
            results.add(join(f));
        }
        return combine(results);
    }

    /** The shards' results as the whole batch's: weighted by counted tokens, summed in worker order. */
    static Result combine(List<Result> results) {
        double total = 0;
        for (Result r : results) {
            total += r.counted();
        }
        double loss = 0;
        Map<String, INDArray> grads = new LinkedHashMap<>();
        for (int w = 0; w < results.size(); w++) {
            ShardContribution c = ShardContribution.weigh(w, results.get(w), total);
            if (c.isEmpty()) {
                continue;
            }
            loss += c.weightedLoss();
            for (Map.Entry<String, INDArray> e : c.weightedGradients().entrySet()) {
                INDArray g = grads.get(e.getKey());
                if (g == null) {
                    grads.put(e.getKey(), e.getValue());
                } else {
                    g.addi(e.getValue());
                }
            }
        }
        return new Result(total == 0 ? Double.NaN : loss, total, grads);
    }

    private static <T> T join(Future<T> f) {
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for a gradient worker", e);
        } catch (ExecutionException e) {
            Throwable c = e.getCause();
            if (c instanceof RuntimeException re) {
                throw re;
            }
            if (c instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException("a gradient worker failed: " + c, c);
        }
    }

    @Override
    public void close() {
        threads.forEach(ExecutorService::shutdownNow);
        for (GradientWorker w : workers) {
            w.close();
        }
    }
}
