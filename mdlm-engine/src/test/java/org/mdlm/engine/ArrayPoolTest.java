package org.mdlm.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.shape.LongShapeDescriptor;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The executor's array pool reuses arrays across calls of one shape and frees those of shapes a
 * call no longer uses (a cached sampler calls the model on every batch size from 1 to B).
 */
class ArrayPoolTest {

    private static LongShapeDescriptor shape(long... s) {
        return LongShapeDescriptor.fromShape(s, DataType.FLOAT);
    }

    @Test
    void steadyCallsReuseTheSameArrays() {
        ArrayPool pool = new ArrayPool();
        pool.reset();
        INDArray a = pool.take(shape(4, 8));
        pool.reset();
        assertSame(a, pool.take(shape(4, 8)));
        assertEquals(1, pool.size());
    }

    @Test
    void arraysOfAShapeNoCallTakesAnyMoreAreFreed() {
        ArrayPool pool = new ArrayPool();
        pool.reset();
        INDArray old = pool.take(shape(4, 8));
        pool.reset();
        INDArray fresh = pool.take(shape(2, 8));
        assertNotSame(old, fresh);
        assertEquals(2, pool.size(), "the previous call's array stays valid during the next call");
        pool.reset();
        assertEquals(1, pool.size());
        assertTrue(old.wasClosed(), "the unused array's native buffer is released at once");
        assertSame(fresh, pool.take(shape(2, 8)));
    }

    @Test
    void anExecutorCalledOnEveryBatchSizeHoldsOnlyTheLastSizesArrays() {
        SameDiff sd = SameDiff.create();
        SDVariable x = sd.placeHolder("x", DataType.FLOAT, -1, 64);
        SDVariable w = sd.constant("w", Nd4j.ones(DataType.FLOAT, 64, 32));
        SDVariable y = sd.nn().relu(sd.mmul(x, w).add(1.0), 0.0).mul(2.0).sum("y", 1);
        LeanExecutor executor = new LeanExecutor(sd, sd, List.of(y.name()));
        assertTrue(executor.supports());
        int perCall = 0;
        for (int rows = 1; rows <= 16; rows++) {
            INDArray out = executor.run(Map.of("x", Nd4j.ones(DataType.FLOAT, rows, 64)), List.of("y")).get("y");
            assertEquals(rows, out.length());
            assertEquals(32 * 2.0 * (64 + 1), out.getDouble(rows - 1), 1e-3);
            if (rows == 1) {
                perCall = executor.poolSize();
            }
        }
        executor.run(Map.of("x", Nd4j.ones(DataType.FLOAT, 16, 64)), List.of("y"));
        assertEquals(perCall, executor.poolSize(), "arrays kept after 16 batch sizes");
    }
}
