package org.mdlm.domains.dna;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ReverseComplementTest {

    private final DnaDomain d = new DnaDomain(DnaConfig.defaults());

    @Test
    void handExamples() {
        assertEquals("NCGTT", d.decode(ReverseComplement.of(d.encode("AACGN"))));
        assertEquals("ACGT", d.decode(ReverseComplement.of(d.encode("ACGT"))), "ACGT is its own reverse complement");
        assertEquals("C_A", d.decode(ReverseComplement.of(new int[] {3, 5, 2})));
        assertArrayEquals(new int[0], ReverseComplement.of(new int[0]));
        assertEquals(3, ReverseComplement.complement(0));
        assertEquals(4, ReverseComplement.complement(4));
        assertThrows(IllegalArgumentException.class, () -> ReverseComplement.complement(6));
    }

    @Test
    void isAnInvolutionAndDoesNotTouchItsInput() {
        SplittableRandom rnd = new SplittableRandom(7);
        for (int trial = 0; trial < 100; trial++) {
            int[] ids = rnd.ints(rnd.nextInt(1, 200), 0, 6).toArray();
            int[] copy = ids.clone();
            int[] rc = ReverseComplement.of(ids);
            assertArrayEquals(copy, ids);
            assertArrayEquals(ids, ReverseComplement.of(rc));
            for (int i = 0; i < ids.length; i++) {
                assertEquals(ReverseComplement.complement(ids[i]), rc[ids.length - 1 - i]);
            }
        }
    }
}
