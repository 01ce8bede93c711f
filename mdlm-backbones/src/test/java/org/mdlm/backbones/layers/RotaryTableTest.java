package org.mdlm.backbones.layers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/** The directly written expanded rotary tables against broadcasting the [L, D/2] table. */
class RotaryTableTest {

    @Test
    void expandedTablesAreBitIdenticalToTheBroadcastTables() {
        int[][] cases = {{16, 4, 128, 32}, {3, 2, 7, 8}, {1, 1, 1, 2}};
        for (int[] c : cases) {
            int batch = c[0];
            int heads = c[1];
            int length = c[2];
            int headDim = c[3];
            INDArray cos = Rotary.cosTable(heads, headDim, DataType.FLOAT).compute(batch, length, new SplittableRandom(1));
            INDArray sin = Rotary.sinTable(heads, headDim, DataType.FLOAT).compute(batch, length, new SplittableRandom(1));
            INDArray cosPlain = Rotary.expand(Rotary.table(length, headDim, DataType.FLOAT, true), batch, heads);
            INDArray sinPlain = Rotary.expand(Rotary.table(length, headDim, DataType.FLOAT, false), batch, heads);
            assertArrayEquals(cosPlain.shape(), cos.shape());
            assertArrayEquals(cosPlain.data().asFloat(), cos.data().asFloat());
            assertArrayEquals(sinPlain.data().asFloat(), sin.data().asFloat());
        }
        INDArray d = Rotary.cosTable(2, 4, DataType.DOUBLE).compute(2, 3, new SplittableRandom(1));
        assertEquals(DataType.DOUBLE, d.dataType());
        assertEquals(Math.cos(1.0), d.getDouble(1, 1, 1, 0), 1e-7);
    }
}
