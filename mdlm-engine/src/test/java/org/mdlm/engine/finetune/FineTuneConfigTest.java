package org.mdlm.engine.finetune;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The budget is epochs or steps; bad settings are refused naming the field. */
class FineTuneConfigTest {

    @Test
    void theBudgetIsEpochsOrSteps() {
        FineTuneConfig epochs = new FineTuneConfig(5, 3, 0, 32, 1e-3, 0, 1, 0, false, 64);
        assertEquals(3 * 80, epochs.stepsFor(2549), "ceil(2549 / 32) = 80 batches per epoch");
        assertEquals(3, epochs.stepsFor(10) / epochs.batchesPerEpoch(10), "one small batch per epoch");
        FineTuneConfig steps = new FineTuneConfig(5, 0, 17, 32, 1e-3, 0, 1, 0, false, 64);
        assertEquals(17, steps.stepsFor(2549));
        IllegalArgumentException both = assertThrows(IllegalArgumentException.class,
                () -> new FineTuneConfig(5, 3, 17, 32, 1e-3, 0, 1, 0, false, 64));
        assertTrue(both.getMessage().contains("epochs=3, steps=17"), both.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new FineTuneConfig(5, 0, 0, 32, 1e-3, 0, 1, 0, false, 64));
    }

    @Test
    void badSettingsNameTheirField() {
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> new FineTuneConfig(1, 3, 0, 32, 1e-3, 0, 1, 0, false, 64)).getMessage().startsWith("folds must be"));
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> new FineTuneConfig(5, 3, 0, 0, 1e-3, 0, 1, 0, false, 64)).getMessage().startsWith("batchSize"));
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> new FineTuneConfig(5, 3, 0, 32, 0, 0, 1, 0, false, 64)).getMessage().startsWith("lr must"));
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> new FineTuneConfig(5, 3, 0, 32, 1e-3, -1, 1, 0, false, 64)).getMessage().startsWith("weightDecay"));
    }
}
