package org.mdlm.spark;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import org.mdlm.api.domain.TokenStream;
import org.mdlm.engine.ShardContribution;
import org.mdlm.engine.ShardWorker;

/**
 * The executor side of a step: computes one shard's contribution with a {@link ShardWorker} taken
 * from this JVM's pool for the run, so that each graph is used by one task thread at a time and
 * reused by later tasks. A run's model and corpus are rebuilt once per JVM, from its config; the
 * pools of the two most recent runs are kept. A worker whose task failed is dropped, not reused.
 */
final class ExecutorShards {

    /** Runs whose graphs an executor keeps (a new run's first task drops the oldest). */
    private static final int KEEP_RUNS = 2;
    private static final Map<String, Run> RUNS = new LinkedHashMap<>();

    private ExecutorShards() {
    }

    /** The contribution of shard {@code worker} of {@code workers} to step {@code step} of {@code job}. */
    static ShardPart compute(ShardJob job, FlatParameters weights, int step, int worker, int workers) {
        Run run = run(job);
        ShardWorker shard = run.borrow();
        ShardContribution c = shard.contribution(step, worker, workers, weights.arrays());
        ShardPart part = c.isEmpty() ? ShardPart.EMPTY
                : new ShardPart(c.weightedLoss(), c.counted(), weights.layout().flatten(c.weightedGradients()));
        run.giveBack(shard);
        return part;
    }

    /** Forgets a run's graphs in this JVM (the driver's, when it finishes in local mode). */
    static synchronized void forget(String jobId) {
        RUNS.remove(jobId);
    }

    private static synchronized Run run(ShardJob job) {
        Run run = RUNS.get(job.id());
        if (run == null) {
            for (Iterator<String> it = RUNS.keySet().iterator(); RUNS.size() >= KEEP_RUNS && it.hasNext(); ) {
                it.next();
                it.remove();
            }
            run = new Run(job.configJson());
            RUNS.put(job.id(), run);
        }
        return run;
    }

    /** One run's rebuilt pipeline (lazily, once) and its idle graphs. */
    private static final class Run {
        private final String configJson;
        private PipelineRebuild pipeline;
        private final Deque<ShardWorker> idle = new ArrayDeque<>();

        Run(String configJson) {
            this.configJson = configJson;
        }

        /** An idle graph, or a new one (built outside the lock, so task threads build theirs at once). */
        ShardWorker borrow() {
            PipelineRebuild p;
            synchronized (this) {
                ShardWorker w = idle.pollFirst();
                if (w != null) {
                    return w;
                }
                if (pipeline == null) {
                    pipeline = PipelineRebuild.of(configJson);
                }
                p = pipeline;
            }
            return new ShardWorker(p.spec(), p.config(), new SharedStream(p.train()));
        }

        synchronized void giveBack(ShardWorker w) {
            idle.addFirst(w);
        }
    }

    /** The corpus shared by the task threads of one JVM, read under its lock (streams promise no thread safety). */
    private record SharedStream(TokenStream stream) implements TokenStream {

        @Override
        public long length() {
            return stream.length();
        }

        @Override
        public void read(long offset, int[] dst, int dstOffset, int len) {
            synchronized (stream) {
                stream.read(offset, dst, dstOffset, len);
            }
        }

        @Override
        public long cropOffset(int len, java.util.SplittableRandom rng) {
            synchronized (stream) {
                return stream.cropOffset(len, rng);
            }
        }

        @Override
        public long windowOffset(long proposed, int len) {
            synchronized (stream) {
                return stream.windowOffset(proposed, len);
            }
        }
    }
}
