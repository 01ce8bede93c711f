package org.mdlm.samplers.analytic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.mdlm.samplers.ancestral.AncestralConfig;

class AnalyticConfigTest {

    @Test
    void defaultsAreThoseOfTheAncestralSamplers() {
        AnalyticConfig c = AnalyticConfig.defaults();
        assertEquals(128, c.steps());
        assertEquals(1e-5, c.eps());
        assertEquals(AncestralConfig.defaults().steps(), c.steps());
        assertEquals(AncestralConfig.defaults().eps(), c.eps());
        assertEquals(1.0, c.temperature());
        assertEquals(1.0, c.topP());
        assertEquals(new AnalyticConfig(7, 0.1, 0.5, 0.9), AnalyticConfig.of(7, 0.1).withShaping(0.5, 0.9));
    }

    @Test
    void temperatureAndTopPAreValidated() {
        IllegalArgumentException t = assertThrows(IllegalArgumentException.class,
                () -> new AnalyticConfig(4, 1e-5, Double.NaN, 1.0));
        assertTrue(t.getMessage().contains("temperature"), t.getMessage());
        IllegalArgumentException p = assertThrows(IllegalArgumentException.class,
                () -> new AnalyticConfig(4, 1e-5, 1.0, 0.0));
        assertTrue(p.getMessage().contains("top_p"), p.getMessage());
    }

    @Test
    void invalidFieldsAreNamedInTheMessage() {
        IllegalArgumentException steps = assertThrows(IllegalArgumentException.class, () -> AnalyticConfig.of(0, 1e-5));
        assertTrue(steps.getMessage().contains("steps") && steps.getMessage().contains("0"), steps.getMessage());
        for (double eps : new double[] {0.0, 1.0, -0.1, Double.NaN}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> AnalyticConfig.of(4, eps));
            assertTrue(e.getMessage().contains("eps") && e.getMessage().contains("(0, 1)"), e.getMessage());
        }
    }

    @Test
    void timeGridIsTheAncestralLinspaceFromOneToEps() {
        AnalyticConfig c = AnalyticConfig.of(4, 0.2);
        double[] expected = {1.0, 0.8, 0.6, 0.4, 0.2};
        for (int k = 0; k <= 4; k++) {
            assertEquals(expected[k], c.time(k), 1e-15);
        }
        AncestralConfig ancestral = AncestralConfig.of(7, 3e-4);
        AnalyticConfig same = AnalyticConfig.of(7, 3e-4);
        for (int k = 0; k <= 7; k++) {
            assertEquals(ancestral.time(k), same.time(k), 0.0);
        }
        assertEquals(1e-5, AnalyticConfig.of(3, 1e-5).time(3)); // exactly eps at the end
        assertThrows(IllegalArgumentException.class, () -> c.time(5));
        assertThrows(IllegalArgumentException.class, () -> c.time(-1));
    }
}
