package org.mdlm.api.kernels;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Splits a kernel's rows over a few threads. The count is {@link #configure}d (the CLI's
 * {@code --threads}, which also sets the threads of large matrix products), else
 * {@code -Dmdlm.kernel.threads}, else the number of cores; at most the cores. A kernel runs on its caller's thread only when called from a thread that
 * {@link #keepOnCallingThread() asked for that} (or inside {@link #onCallingThread}) (a data-parallel worker, which already has a core of
 * its own), from this pool, or while another kernel holds the pool.
 */
public final class KernelThreads {

    /** Below this many scalar operations per thread a kernel stays on one thread: a hand-over costs ~10 µs. */
    private static final long MIN_WORK_PER_THREAD = 1L << 16;
    private static final int CORES = Runtime.getRuntime().availableProcessors();
    private static final AtomicInteger COUNTER = new AtomicInteger();
    private static final Semaphore BUSY = new Semaphore(1);
    private static final ThreadLocal<Boolean> PINNED = ThreadLocal.withInitial(() -> Boolean.FALSE);
    private static volatile int threads = initialThreads();
    private static volatile ExecutorService pool;

    /** Work on rows {@code [from, to)}. */
    @FunctionalInterface
    public interface RowRange {
        /** Processes rows {@code [from, to)}. */
        void run(int from, int to);
    }

    private KernelThreads() {
    }

    private static int initialThreads() {
        int n = Integer.getInteger("mdlm.kernel.threads", CORES);
        return Math.max(1, Math.min(n, CORES));
    }

    /** Threads a large kernel uses. */
    public static int threads() {
        return threads;
    }

    /**
     * Sets the threads large kernels use (at most the cores).
     *
     * @throws IllegalArgumentException if {@code n} is below 1
     */
    public static void configure(int n) {
        if (n < 1) {
            throw new IllegalArgumentException("kernel threads must be at least 1, got " + n);
        }
        threads = Math.min(n, CORES);
    }

    /** Makes every kernel called from the current thread run on it alone (for data-parallel workers). */
    public static void keepOnCallingThread() {
        PINNED.set(Boolean.TRUE);
    }

    /** Whether kernels called from the current thread stay on it (a data-parallel worker's thread). */
    public static boolean pinned() {
        return PINNED.get();
    }

    /** Runs {@code work} with every kernel it calls on the current thread alone; returns its result. */
    public static <T> T onCallingThread(java.util.function.Supplier<T> work) {
        boolean before = PINNED.get();
        PINNED.set(Boolean.TRUE);
        try {
            return work.get();
        } finally {
            PINNED.set(before);
        }
    }

    private static ExecutorService pool() {
        ExecutorService p = pool;
        if (p == null) {
            synchronized (KernelThreads.class) {
                p = pool;
                if (p == null) {
                    p = Executors.newFixedThreadPool(Math.max(1, CORES - 1), r -> {
                        Thread t = new Thread(r, "mdlm-kernel-" + COUNTER.incrementAndGet());
                        t.setDaemon(true);
                        return t;
                    });
                    pool = p;
                }
            }
        }
        return p;
    }

    /**
     * Runs {@code body} over rows {@code [0, rows)}, in up to {@link #threads()} contiguous chunks
     * when the work ({@code rows * workPerRow}) is large enough; each row is processed exactly once.
     */
    public static void forRows(int rows, long workPerRow, RowRange body) {
        int parts = (int) Math.min(threads, Math.max(1, (long) rows * workPerRow / MIN_WORK_PER_THREAD));
        parts = Math.min(parts, rows);
        if (parts <= 1 || PINNED.get() || Thread.currentThread().getName().startsWith("mdlm-kernel-")
                || !BUSY.tryAcquire()) {
            body.run(0, rows);
            return;
        }
        try {
            ExecutorService p = pool();
            Future<?>[] futures = new Future<?>[parts - 1];
            for (int k = 1; k < parts; k++) {
                int from = (int) ((long) rows * k / parts);
                int to = (int) ((long) rows * (k + 1) / parts);
                futures[k - 1] = p.submit(() -> body.run(from, to));
            }
            body.run(0, (int) ((long) rows / parts));
            for (Future<?> f : futures) {
                f.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted in a kernel", e);
        } catch (ExecutionException e) {
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
