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
    }

    @Test
    void invalidFieldsAreNamedInTheMessage() {
        IllegalArgumentException steps = assertThrows(IllegalArgumentException.class, () -> new AncestralConfig(0, 1e-5));
        assertTrue(steps.getMessage().contains("steps") && steps.getMessage().contains("0"), steps.getMessage());
        for (double eps : new double[] {0.0, 1.0, -0.1, Double.NaN}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new AncestralConfig(4, eps));
            assertTrue(e.getMessage().contains("eps") && e.getMessage().contains("(0, 1)"), e.getMessage());
        }
    }

    @Test
    void timeGridIsALinspaceFromOneToEps() {
        AncestralConfig c = new AncestralConfig(4, 0.2);
        double[] expected = {1.0, 0.8, 0.6, 0.4, 0.2};
        for (int k = 0; k <= 4; k++) {
            assertEquals(expected[k], c.time(k), 1e-15);
        }
        assertEquals(1e-5, new AncestralConfig(3, 1e-5).time(3)); // exactly eps at the end
        assertThrows(IllegalArgumentException.class, () -> c.time(5));
    }
}
