package org.mdlm.domains.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class CharVocabularyTest {

    private final CharVocabulary v = new CharVocabulary();

    @Test
    void numberingIsTheText8One() {
        assertEquals(28, v.size());
        assertEquals(27, v.maskId());
        assertEquals(0, v.idOf('a'));
        assertEquals(7, v.idOf('h'));
        assertEquals(25, v.idOf('z'));
        assertEquals(26, v.idOf(' '));
        assertEquals(-1, v.idOf('A'));
        assertEquals(-1, v.idOf('_'));
    }

    @Test
    void symbolsPrintEachId() {
        assertEquals("a", v.symbol(0));
        assertEquals("q", v.symbol(16));
        assertEquals("z", v.symbol(25));
        assertEquals(" ", v.symbol(26));
        assertEquals("[MASK]", v.symbol(27));
        for (int id = 0; id < 27; id++) {
            assertEquals(id, v.idOf(v.charOf(id)));
        }
    }

    @Test
    void outOfRangeIdsAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> v.symbol(28));
        assertThrows(IllegalArgumentException.class, () -> v.symbol(-1));
        assertThrows(IllegalArgumentException.class, () -> v.charOf(27));
    }
}
