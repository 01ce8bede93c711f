package org.mdlm.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class NativeMemoryGuardTest {

    @Test
    void collectsWhenWorkOutweighsTheLastCollectionsCost() {
        NativeMemoryGuard g = new NativeMemoryGuard(1e-9);
        g.check();
        assertEquals(0, g.collections(), "the first call only starts the clock");
        g.check();
        assertEquals(1, g.collections(), "no collection cost is known yet: collect");
        g.check();
        assertEquals(1, g.collections(), "a few microseconds of work are far below 1e9 x the GC's cost");
    }

    @Test
    void overheadMustBeAFraction() {
        assertThrows(IllegalArgumentException.class, () -> new NativeMemoryGuard(0));
        assertThrows(IllegalArgumentException.class, () -> new NativeMemoryGuard(1.5));
    }
}
