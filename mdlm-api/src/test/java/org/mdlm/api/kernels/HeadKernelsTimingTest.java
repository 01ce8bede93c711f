package org.mdlm.api.kernels;

import java.util.Arrays;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Times the head kernels alone at the tiny preset's sizes (B 16, L 128, 4 heads of 32), on one
 * and two kernel threads, next to a plain copy of qkv for scale. Prints medians; asserts nothing.
 */
@Tag("slow")
class HeadKernelsTimingTest {

    @Test
    void timeTheHeadKernels() {
        int b = 16;
        int l = 128;
        int nh = 4;
        int d = 32;
        int h = nh * d;
        INDArray qkv = Nd4j.randn(DataType.FLOAT, b, l, 3 * h);
        INDArray cos = Nd4j.rand(DataType.FLOAT, l, d / 2);
        INDArray sin = Nd4j.rand(DataType.FLOAT, l, d / 2);
        INDArray[] heads = {Nd4j.create(DataType.FLOAT, b, nh, l, d), Nd4j.create(DataType.FLOAT, b, nh, l, d),
            Nd4j.create(DataType.FLOAT, b, nh, l, d)};
        INDArray packed = Nd4j.create(DataType.FLOAT, b, l, 3 * h);
        INDArray merged = Nd4j.create(DataType.FLOAT, b, l, h);
        INDArray split = Nd4j.create(DataType.FLOAT, b, nh, l, d);
        RotaryHeads rotary = new RotaryHeads().withHeads(nh);
        RotaryHeadsBp rotaryBp = new RotaryHeadsBp();
        MergeHeads merge = new MergeHeads().withHeads(nh);
        MergeHeadsBp mergeBp = new MergeHeadsBp().withHeads(nh);
        int before = KernelThreads.threads();
        try {
            for (int threads : new int[] {1, 2, 1, 2}) {
                KernelThreads.configure(threads);
                System.out.printf("head kernels, %d thread(s): RotaryHeads %.0f us, RotaryHeadsBp %.0f us, "
                                + "MergeHeads %.0f us, MergeHeadsBp %.0f us; copying qkv %.0f us%n", threads,
                        medianMicros(() -> rotary.compute(new INDArray[] {qkv, cos, sin}, heads)),
                        medianMicros(() -> rotaryBp.compute(new INDArray[] {heads[0], heads[1], heads[2], cos, sin},
                                new INDArray[] {packed})),
                        medianMicros(() -> merge.compute(new INDArray[] {heads[0]}, new INDArray[] {merged})),
                        medianMicros(() -> mergeBp.compute(new INDArray[] {merged}, new INDArray[] {split})),
                        medianMicros(() -> packed.assign(qkv)));
            }
        } finally {
            KernelThreads.configure(before);
        }
    }

    private static double medianMicros(Runnable r) {
        for (int i = 0; i < 50; i++) {
            r.run();
        }
        double[] t = new double[101];
        for (int i = 0; i < t.length; i++) {
            long t0 = System.nanoTime();
            r.run();
            t[i] = (System.nanoTime() - t0) / 1e3;
        }
        Arrays.sort(t);
        return t[t.length / 2];
    }
}
