package org.mdlm.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.reduce.Mmul;
import org.nd4j.linalg.api.ops.impl.reduce.MmulBp;
import org.nd4j.linalg.api.ops.impl.transforms.pairwise.arithmetic.AddOp;
import org.nd4j.linalg.factory.Nd4j;

class GemmThreadsTest {

    @AfterEach
    void restore() {
        GemmThreads.clearConfigured();
        GemmThreads.use(1);
    }

    /** What the BLAS library itself reports (openblas_get_num_threads). */
    private static int blasThreads() {
        return Nd4j.factory().blas().getMaxThreads();
    }

    private static INDArray f(long... shape) {
        return Nd4j.create(DataType.FLOAT, shape);
    }

    @Test
    void onlyLargeTwoDimensionalProductsAndTheirBackwardGetTheConfiguredThreads() {
        GemmThreads.configure(3);
        // M=4096, K=256, N=1024: M·N·K = 2^30 >= 2^28.
        assertEquals(3, GemmThreads.forOp(new Mmul(), new INDArray[] {f(4096, 256), f(256, 1024)}, new long[] {4096, 1024}));
        // Transposed B ([N,K]) gives the same work.
        assertEquals(3, GemmThreads.forOp(new Mmul(), new INDArray[] {f(4096, 256), f(1024, 256)}, new long[] {4096, 1024}));
        assertEquals(3, GemmThreads.forOp(new MmulBp(),
                new INDArray[] {f(4096, 256), f(256, 1024), f(4096, 1024)}, new long[] {4096, 256}));
        // M=2048, K=512, N=128: 2^27, below the threshold.
        assertEquals(1, GemmThreads.forOp(new Mmul(), new INDArray[] {f(2048, 512), f(512, 128)}, new long[] {2048, 128}));
        // Batched products are split into small GEMMs by libnd4j: always 1.
        assertEquals(1, GemmThreads.forOp(new Mmul(),
                new INDArray[] {f(64, 512, 512), f(64, 512, 512)}, new long[] {64, 512, 512}));
        assertEquals(1, GemmThreads.forOp(new AddOp(), new INDArray[] {f(4096, 4096), f(4096, 4096)}, new long[] {4096, 4096}));
    }

    @Test
    void configureRejectsLessThanOneThread() {
        assertThrows(IllegalArgumentException.class, () -> GemmThreads.configure(0));
    }

    @Test
    void twoBlasThreadsComputeTheSameProductAsOne() {
        INDArray a = Nd4j.rand(DataType.FLOAT, 512, 300).subi(0.5);
        INDArray b = Nd4j.rand(DataType.FLOAT, 300, 700).subi(0.5);
        GemmThreads.use(1);
        assertEquals(1, blasThreads(), "threads OpenBLAS reports after use(1)");
        INDArray one = a.mmul(b);
        GemmThreads.use(2);
        assertEquals(2, blasThreads(), "threads OpenBLAS reports after use(2)");
        INDArray two = a.mmul(b);
        GemmThreads.use(1);
        assertEquals(1, blasThreads(), "threads OpenBLAS reports after going back to use(1)");
        double maxDiff = one.sub(two).amaxNumber().doubleValue();
        assertEquals(0.0, maxDiff, 1e-5);
    }
}
