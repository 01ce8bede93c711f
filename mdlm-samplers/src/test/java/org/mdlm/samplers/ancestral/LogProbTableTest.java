package org.mdlm.samplers.ancestral;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.mdlm.api.model.DenoiserOutput;
import org.mdlm.api.model.DenoiserOutputKind;

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

    private static DenoiserOutput filled(int batch, int length, int vocab) {
        float[] v = new float[batch * length * vocab];
        for (int b = 0; b < batch; b++) {
            for (int l = 0; l < length; l++) {
                for (int k = 0; k < vocab; k++) {
                    v[(b * length + l) * vocab + k] = value(b, l, k);
                }
            }
        }
        return new DenoiserOutput(DenoiserOutputKind.CLEAN_LOG_PROBS, batch, length, vocab, v);
    }

    @Test
    void readsTheRowMajorLayout() {
        assertLayout(LogProbTable.read(filled(2, 3, 4), 2, 3, 4), 2, 3, 4);
        DenoiserOutput out = filled(2, 3, 4);
        assertEquals(value(1, 2, 3), out.get(1, 2, 3), 0f);
    }

    @Test
    void wrongShapeFailsNamingBothShapes() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> LogProbTable.read(filled(2, 3, 4), 2, 3, 5));
        assertTrue(e.getMessage().contains("[2, 3, 4]") && e.getMessage().contains("[2, 3, 5]"), e.getMessage());
    }

    @Test
    void anOutputOfTheWrongSizeIsRefused() {
        assertThrows(IllegalArgumentException.class,
                () -> new DenoiserOutput(DenoiserOutputKind.CLEAN_LOG_PROBS, 2, 3, 4, new float[23]));
    }

    @Test
    void withRowsReplacesTheGivenRowsWithoutWritingADenoiserOutput() {
        DenoiserOutput whole = filled(4, 3, 2);
        float[] before = whole.values().clone();
        LogProbTable table = LogProbTable.read(whole, 4, 3, 2);
        // a sub-batch of two rows whose values are those of rows 10 and 20 of the test layout
        float[] sub = new float[2 * 3 * 2];
        for (int i = 0; i < 2; i++) {
            for (int l = 0; l < 3; l++) {
                for (int v = 0; v < 2; v++) {
                    sub[(i * 3 + l) * 2 + v] = value(10 * (i + 1), l, v);
                }
            }
        }
        LogProbTable fresh = LogProbTable.read(new DenoiserOutput(DenoiserOutputKind.CLEAN_LOG_PROBS, 2, 3, 2, sub), 2, 3, 2);
        LogProbTable merged = table.withRows(fresh, new int[] {1, 3});
        assertArrayEquals(before, whole.values(), 0f, "the denoiser's output is not written");
        int[] source = {0, 10, 2, 20};
        for (int b = 0; b < 4; b++) {
            for (int l = 0; l < 3; l++) {
                for (int v = 0; v < 2; v++) {
                    assertEquals(value(source[b], l, v), merged.values()[merged.offset(b, l) + v], 0f);
                }
            }
        }
        // a table withRows returned is its own copy: written in place
        assertSame(merged, merged.withRows(LogProbTable.read(filled(1, 3, 2), 1, 3, 2), new int[] {2}));
        assertEquals(value(0, 1, 1), merged.values()[merged.offset(2, 1) + 1], 0f);
        assertThrows(IllegalArgumentException.class, () -> merged.withRows(fresh, new int[] {1}));
        assertThrows(IllegalArgumentException.class, () -> merged.withRows(fresh, new int[] {1, 4}));
    }
}
