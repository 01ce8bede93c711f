package org.mdlm.domains.dna;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class NucleotideVocabularyTest {

    private final NucleotideVocabulary v = new NucleotideVocabulary();

    @Test
    void numbering() {
        assertEquals(6, v.size());
        assertEquals(5, v.maskId());
        assertEquals(0, NucleotideVocabulary.idOf('A'));
        assertEquals(1, NucleotideVocabulary.idOf('c'));
        assertEquals(2, NucleotideVocabulary.idOf('G'));
        assertEquals(3, NucleotideVocabulary.idOf('t'));
        assertEquals(4, NucleotideVocabulary.idOf('N'));
        assertEquals(4, NucleotideVocabulary.idOf('R'));
        assertEquals(4, NucleotideVocabulary.idOf('-'));
        assertEquals(4, NucleotideVocabulary.idOf('\u00c4'));
        assertEquals(4, NucleotideVocabulary.idOf(0x1F600));
    }

    @Test
    void symbols() {
        assertEquals("A", v.symbol(0));
        assertEquals("T", v.symbol(3));
        assertEquals("N", v.symbol(4));
        assertEquals("[MASK]", v.symbol(5));
        assertThrows(IllegalArgumentException.class, () -> v.symbol(6));
        assertThrows(IllegalArgumentException.class, () -> v.baseOf(5));
    }

    @Test
    void complementMapPairsTheBasesForBackbones() {
        NucleotideVocabulary v = new NucleotideVocabulary();
        assertTrue(v.hasComplement());
        int[] expected = {NucleotideVocabulary.T, NucleotideVocabulary.G, NucleotideVocabulary.C, NucleotideVocabulary.A,
            NucleotideVocabulary.N, NucleotideVocabulary.MASK_ID};
        for (int id = 0; id < v.size(); id++) {
            assertEquals(expected[id], v.complement(id), "complement of " + v.symbol(id));
            assertEquals(id, v.complement(v.complement(id)), "an involution");
        }
    }
}
