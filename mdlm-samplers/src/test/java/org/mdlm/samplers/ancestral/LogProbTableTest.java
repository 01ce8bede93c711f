package org.mdlm.samplers.ancestral;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

class LogProbTableTest {

    /** value of element (b, l, v) in the test arrays */
    private static float value(int b, int l, int v) {
        return 100f * b + 10f * l + v;
    }

    private static void assertLayout(LogProbTable table, int batch, int length, int vocab) {
        for (int b = 0; b < batch; b++) {
            for (int l = 0; l < length; l++) {
                for (int v = 0; v < vocab; v++) {
                    assertEquals(value(b, l, v), table.values()[table.offset(b, l) + v], 0f);
                }
            }
        }
    }

    private static INDArray filled(int batch, int length, int vocab, char order) {
        INDArray a = Nd4j.create(DataType.FLOAT, new long[] {batch, length, vocab}, order);
        for (int b = 0; b < batch; b++) {
            for (int l = 0; l < length; l++) {
                for (int v = 0; v < vocab; v++) {
                    a.putScalar(new long[] {b, l, v}, value(b, l, v));
                }
            }
        }
        return a;
    }

    @Test
    void readsCOrderFOrderViewsAndDoubles() {
        assertLayout(LogProbTable.read(filled(2, 3, 4, 'c'), 2, 3, 4), 2, 3, 4);
        assertLayout(LogProbTable.read(filled(2, 3, 4, 'f'), 2, 3, 4), 2, 3, 4);
        INDArray big = filled(3, 3, 4, 'c');
        INDArray view = big.get(NDArrayIndex.interval(0, 2), NDArrayIndex.all(), NDArrayIndex.all());
        assertLayout(LogProbTable.read(view, 2, 3, 4), 2, 3, 4);
        assertLayout(LogProbTable.read(filled(2, 3, 4, 'c').castTo(DataType.DOUBLE), 2, 3, 4), 2, 3, 4);
    }

    @Test
    void wrongShapeFailsNamingBothShapes() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> LogProbTable.read(filled(2, 3, 4, 'c'), 2, 3, 5));
        assertTrue(e.getMessage().contains("[2, 3, 4]") && e.getMessage().contains("[2, 3, 5]"), e.getMessage());
    }
}
