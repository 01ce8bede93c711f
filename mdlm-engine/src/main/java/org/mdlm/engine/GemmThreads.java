package org.mdlm.engine;

import org.nd4j.autodiff.functions.DifferentialFunction;
import org.nd4j.linalg.api.blas.Blas;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * How many BLAS threads each op of the lean executor gets. On a few cores, libnd4j's own
 * multi-threading loses on a graph of many small ops (fork and join cost more than the work), but
 * a large matrix product gains almost linearly from OpenBLAS's threads, which are independent of
 * {@code OMP_NUM_THREADS}. So libnd4j runs with the launcher's {@code OMP_NUM_THREADS} (1 by
 * default) and only the large two-dimensional matrix products (and their backward) get
 * {@link #threads()} BLAS threads; batched products, which libnd4j splits into many small GEMM
 * calls, and small products keep one.
 *
 * <p>The number comes from {@link #configure} (the CLI's {@code --threads}), else the system
 * property {@code mdlm.threads}, else the number of available processors.
 */
public final class GemmThreads {

    /**
     * Smallest product M·N·K for which a 2-D matrix product gets more than one thread: 2^28
     * (e.g. [4096,256]x[256,256]). Measured on 2 cores: the tiny preset's products (at most 1.3e8)
     * ran slower with a second BLAS thread (its spinning worker slows the ops in between), the small
     * preset's (2.7e8 to 8.6e9) faster (6.0 to 4.9 s per step). {@code -Dmdlm.gemm.minWork=N}
     * overrides it (for measuring).
     */
    static final long MIN_WORK = Long.getLong("mdlm.gemm.minWork", 1L << 28);

    private static volatile int configured;
    private static int current = -1; // guarded by the class lock

    private GemmThreads() {
    }

    /** Sets the thread count for large matrix products (at least 1). */
    public static void configure(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, got " + threads);
        }
        configured = threads;
    }

    /** Forgets {@link #configure}d counts (for tests). */
    static void clearConfigured() {
        configured = 0;
    }

    /** The thread count for large matrix products. */
    public static int threads() {
        if (configured > 0) {
            return configured;
        }
        Integer fromProperty = Integer.getInteger("mdlm.threads");
        if (fromProperty != null && fromProperty > 0) {
            return fromProperty;
        }
        return Runtime.getRuntime().availableProcessors();
    }

    /**
     * The BLAS threads for {@code op} with inputs {@code ins} and output shape {@code out}:
     * {@link #threads()} for a large 2-D product or its backward, else 1.
     */
    static int forOp(DifferentialFunction op, INDArray[] ins, long[] out) {
        String name = op.opName();
        long[] c;
        if (name.equals("matmul") && ins.length == 2) {
            c = out;
        } else if (name.equals("matmul_bp") && ins.length == 3) {
            c = ins[2].shape();
        } else {
            return 1;
        }
        if (ins[0].rank() != 2 || ins[1].rank() != 2 || c.length != 2) {
            return 1;
        }
        // |A| |B| |C| = (MK)(KN)(MN), so M·N·K is its square root whatever the transposes.
        return forWork(Math.sqrt((double) ins[0].length() * ins[1].length() * c[0] * c[1]));
    }

    /** The BLAS threads for a product of {@code work} multiply-adds (M·N·K): {@link #threads()} if large, else 1. */
    static int forWork(double work) {
        return work >= MIN_WORK ? threads() : 1;
    }

    /** Makes OpenBLAS use {@code n} threads from now on (a no-op when it already does). */
    public static synchronized void use(int n) {
        if (n != current) {
            Blas blas = Nd4j.factory().blas();
            blas.setMaxThreads(n);
            current = n;
        }
    }
}
