package org.mdlm.samplers.ancestral;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
}
