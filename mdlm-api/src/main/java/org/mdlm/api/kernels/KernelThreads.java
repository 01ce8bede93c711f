package org.mdlm.api.kernels;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Splits a kernel's rows over a few threads. The count comes from {@code -Dmdlm.kernel.threads},
 * else from {@code OMP_NUM_THREADS} (what libnd4j's own kernels use), else 1; at most the cores. A
 * kernel called from a thread of this pool, or while another kernel holds it, runs on its caller's
 * thread only, so data-parallel workers each keep to one thread.
 */
public final class KernelThreads {

    /** Below this many scalar operations a kernel stays on one thread: handing work over costs ~10 µs. */
    private static final long MIN_WORK_PER_THREAD = 1L << 16;

    private static final AtomicInteger COUNTER = new AtomicInteger();
    private static final int THREADS = chooseThreads();
    private static final ExecutorService POOL = THREADS <= 1 ? null : Executors.newFixedThreadPool(THREADS - 1, r -> {
        Thread t = new Thread(r, "mdlm-kernel-" + COUNTER.incrementAndGet());
        t.setDaemon(true);
        return t;
    });
    private static final java.util.concurrent.Semaphore BUSY = new java.util.concurrent.Semaphore(1);

    /** Work on rows {@code [from, to)}. */
    @FunctionalInterface
    public interface RowRange {
        /** Processes rows {@code [from, to)}. */
        void run(int from, int to);
    }

    private KernelThreads() {
    }

    private static int chooseThreads() {
        String p = System.getProperty("mdlm.kernel.threads");
        String env = System.getenv("OMP_NUM_THREADS");
        int n = 1;
        try {
            if (p != null) {
                n = Integer.parseInt(p.trim());
            } else if (env != null) {
                n = Integer.parseInt(env.trim());
            }
        } catch (NumberFormatException e) {
            n = 1;
        }
        return Math.max(1, Math.min(n, Runtime.getRuntime().availableProcessors()));
    }

    /** Threads a large kernel uses. */
    public static int threads() {
        return THREADS;
    }

    /**
     * Runs {@code body} over rows {@code [0, rows)}, in up to {@link #threads()} contiguous chunks
     * when the work ({@code rows * workPerRow}) is large enough; each row is processed exactly once.
     */
    public static void forRows(int rows, long workPerRow, RowRange body) {
        int parts = (int) Math.min(THREADS, Math.max(1, (long) rows * workPerRow / MIN_WORK_PER_THREAD));
        parts = Math.min(parts, rows);
        if (parts <= 1 || Thread.currentThread().getName().startsWith("mdlm-kernel-") || !BUSY.tryAcquire()) {
            body.run(0, rows);
            return;
        }
        try {
            Future<?>[] futures = new Future<?>[parts - 1];
            for (int p = 1; p < parts; p++) {
                int from = (int) ((long) rows * p / parts);
                int to = (int) ((long) rows * (p + 1) / parts);
                futures[p - 1] = POOL.submit(() -> body.run(from, to));
            }
            body.run(0, (int) ((long) rows / parts));
            for (Future<?> f : futures) {
                f.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted in a kernel", e);
        } catch (java.util.concurrent.ExecutionException e) {
            Throwable c = e.getCause();
            if (c instanceof RuntimeException r) {
                throw r;
            }
            if (c instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(c);
        } finally {
            BUSY.release();
        }
    }
}
