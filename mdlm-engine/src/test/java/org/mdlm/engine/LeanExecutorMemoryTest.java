package org.mdlm.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.bytedeco.javacpp.Pointer;
import org.junit.jupiter.api.Test;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The executor reuses one native op context per op; libnd4j keeps a handle (and with it the
 * buffer) of every array set on a context until the context is purged. Feeding a fresh array per
 * call, as training does with batches and dropout masks, must not keep those arrays alive.
 */
class LeanExecutorMemoryTest {

    private static final int CALLS = 80;
    private static final long FEED_BYTES = 512L * 4096 * 4; // 8 MiB per call

    @Test
    void freshFeedsAreReleasedAfterEachCall() throws InterruptedException {
        SameDiff sd = SameDiff.create();
        SDVariable x = sd.placeHolder("x", DataType.FLOAT, -1, 4096);
        // matmul is a custom op, run through a reused context (legacy ops are not).
        SDVariable w = sd.constant("w", Nd4j.ones(DataType.FLOAT, 4096, 1).muli(2.0));
        SDVariable y = sd.mmul(x, w).add(1.0).sum("y");
        LeanExecutor executor = new LeanExecutor(sd, sd, List.of(y.name()));
        assertTrue(executor.supports());

        long before = 0;
        for (int i = 0; i < CALLS; i++) {
            INDArray feed = Nd4j.ones(DataType.FLOAT, 512, 4096);
            double got = executor.run(Map.of("x", feed), List.of("y")).get("y").getDouble(0);
            assertEquals(512 * (2.0 * 4096 + 1.0), got, 1.0);
            if (i % 10 == 9) {
                settle();
                if (before == 0) {
                    before = Pointer.physicalBytes();
                }
            }
        }
        settle();
        long grown = Pointer.physicalBytes() - before;
        // Leaking grows by (CALLS - 10) * 8 MiB = 560 MiB (measured: 401 MiB over 50 calls). Released
        // feeds leave what the C allocator keeps for reuse (measured: ~100 MiB, not growing).
        assertTrue(grown < 25 * FEED_BYTES, "resident memory grew by " + grown / (1 << 20) + " MiB over "
                + (CALLS - 10) + " calls with an 8 MiB feed each");
    }

    private static void settle() throws InterruptedException {
        System.gc();
        Thread.sleep(200);
    }
}
