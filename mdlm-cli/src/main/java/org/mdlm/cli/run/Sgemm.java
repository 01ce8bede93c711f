package org.mdlm.cli.run;

import java.util.ArrayList;
import java.util.List;
import org.mdlm.engine.GemmThreads;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** Measures single-precision GEMM throughput (the machine's practical matmul ceiling). */
public final class Sgemm {

    private Sgemm() {
    }

    /**
     * Median GFLOP/s of {@code runs} n x n x n float GEMMs ({@code Nd4j.gemm} into a preallocated
     * result), after 3 warm-up runs, with {@link GemmThreads#threads()} BLAS threads (the threads
     * the model's large products get).
     */
    public static double gflops(int n, int runs) {
        GemmThreads.use(GemmThreads.threads());
        INDArray a = Nd4j.rand(DataType.FLOAT, n, n);
        INDArray b = Nd4j.rand(DataType.FLOAT, n, n);
        INDArray c = Nd4j.zeros(DataType.FLOAT, n, n);
        List<Double> ms = new ArrayList<>();
        for (int i = 0; i < runs + 3; i++) {
            long t = System.nanoTime();
            Nd4j.gemm(a, b, c, false, false, 1.0, 0.0);
            double dt = (System.nanoTime() - t) / 1e6;
            if (i >= 3) {
                ms.add(dt);
            }
        }
        return 2.0 * n * n * (double) n / (BenchStats.median(ms) * 1e6);
    }
}
