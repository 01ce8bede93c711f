package org.mdlm.samplers.ancestral;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class AncestralConfigTest {

    @Test
    void defaultsMatchTheReferenceSampling() {
        AncestralConfig c = AncestralConfig.defaults();
        assertEquals(128, c.steps());
        assertEquals(1e-5, c.eps());
        assertEquals(1.0, c.temperature());
        assertEquals(1.0, c.topP());
        assertEquals(new AncestralConfig(128, 1e-5, 1.0, 1.0), c);
        assertEquals(new AncestralConfig(7, 0.1, 0.5, 0.9), AncestralConfig.of(7, 0.1).withShaping(0.5, 0.9));
    }

    @Test
    void temperatureAndTopPAreValidated() {
        IllegalArgumentException t = assertThrows(IllegalArgumentException.class,
                () -> new AncestralConfig(4, 1e-5, 0.0, 1.0));
        assertTrue(t.getMessage().contains("temperature"), t.getMessage());
        IllegalArgumentException p = assertThrows(IllegalArgumentException.class,
                () -> new AncestralConfig(4, 1e-5, 1.0, 1.5));
        assertTrue(p.getMessage().contains("top_p"), p.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new AncestralConfig(4, 1e-5, 1.0, 0.0));
    }

    @Test
    void invalidFieldsAreNamedInTheMessage() {
        IllegalArgumentException steps = assertThrows(IllegalArgumentException.class, () -> AncestralConfig.of(0, 1e-5));
        assertTrue(steps.getMessage().contains("steps") && steps.getMessage().contains("0"), steps.getMessage());
        for (double eps : new double[] {0.0, 1.0, -0.1, Double.NaN}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> AncestralConfig.of(4, eps));
            assertTrue(e.getMessage().contains("eps") && e.getMessage().contains("(0, 1)"), e.getMessage());
        }
    }

    @Test
    void timeGridIsALinspaceFromOneToEps() {
        AncestralConfig c = AncestralConfig.of(4, 0.2);
        double[] expected = {1.0, 0.8, 0.6, 0.4, 0.2};
        for (int k = 0; k <= 4; k++) {
            assertEquals(expected[k], c.time(k), 1e-15);
        }
        assertEquals(1e-5, AncestralConfig.of(3, 1e-5).time(3)); // exactly eps at the end
        assertThrows(IllegalArgumentException.class, () -> c.time(5));
    }
}
