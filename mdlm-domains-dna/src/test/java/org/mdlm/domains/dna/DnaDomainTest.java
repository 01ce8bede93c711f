package org.mdlm.domains.dna;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mdlm.api.domain.DataException;
import org.mdlm.api.domain.Split;
import org.mdlm.api.domain.TokenStream;

class DnaDomainTest {

    @TempDir
    Path dir;

    /** A FASTA of two records of 6000 + 4000 random bases, 60 per line, lower case in places. */
    private Path writeFasta(StringBuilder bases) throws Exception {
        SplittableRandom rnd = new SplittableRandom(3);
        StringBuilder fa = new StringBuilder();
        for (int rec = 0; rec < 2; rec++) {
            fa.append(">chr").append(rec).append(" test\n");
            int n = rec == 0 ? 6000 : 4000;
            for (int i = 0; i < n; i++) {
                char c = "ACGTN".charAt(rnd.nextInt(5));
                bases.append(c);
                fa.append(i % 7 == 0 ? Character.toLowerCase(c) : c);
                if (i % 60 == 59) {
                    fa.append('\n');
                }
            }
            fa.append('\n');
        }
        return Files.writeString(dir.resolve("genome.fa"), fa);
    }

    private static String text(DnaDomain d, TokenStream s) {
        int[] ids = new int[(int) s.length()];
        s.read(0, ids, 0, ids.length);
        return d.decode(ids);
    }

    @Test
    void splitsOneFastaByPosition() throws Exception {
        StringBuilder bases = new StringBuilder();
        Path file = writeFasta(bases);
        DnaDomain d = new DnaDomain(new DnaConfig(file.toString()));
        assertEquals(9000, d.read(Split.TRAIN).length());
        assertEquals(500, d.read(Split.VALID).length());
        assertEquals(500, d.read(Split.TEST).length());
        assertEquals(bases.substring(0, 9000), text(d, d.read(Split.TRAIN)));
        assertEquals(bases.substring(9000, 9500), text(d, d.read(Split.VALID)));
        assertEquals(bases.substring(9500), text(d, d.read(Split.TEST)));
        assertEquals(file.toString(), d.dataSource());
    }

    @Test
    void withoutDataReadExplainsThatAFastaPathIsNeeded() {
        DnaDomain d = new DnaDomain(DnaConfig.defaults());
        DataException e = assertThrows(DataException.class, () -> d.read(Split.TRAIN));
        assertTrue(e.getMessage().contains("data=") && e.getMessage().contains("FASTA"), e.getMessage());
        assertEquals(DnaDomain.NO_DATA, d.dataSource());
        assertThrows(DataException.class, () -> new DnaDomain(new DnaConfig("")).read(Split.VALID));
    }

    @Test
    void tooShortAndEmptyFastaAreRejected() throws Exception {
        Path small = Files.writeString(dir.resolve("small.fa"), ">s\n" + "ACGT".repeat(1000) + "\n");
        DataException e = assertThrows(DataException.class,
                () -> new DnaDomain(new DnaConfig(small.toString())).read(Split.TRAIN));
        assertTrue(e.getMessage().contains("at least " + DnaDomain.MIN_SPLIT_LENGTH), e.getMessage());
        Path empty = Files.writeString(dir.resolve("empty.fa"), ">s\n");
        e = assertThrows(DataException.class, () -> new DnaDomain(new DnaConfig(empty.toString())).read(Split.TEST));
        assertTrue(e.getMessage().contains("no bases") && e.getMessage().contains(empty.toString()), e.getMessage());
    }

    @Test
    void encodeDecodeAndFacts() {
        DnaDomain d = new DnaDomain(DnaConfig.defaults());
        assertArrayEquals(new int[] {0, 1, 2, 3, 4, 4, 0}, d.encode("ac gT\nNRa"));
        assertEquals("ACGTN_", d.decode(new int[] {0, 1, 2, 3, 4, 5}));
        assertEquals("GATTACANN", d.decode(d.encode("gattaca-x")));
        assertThrows(IllegalArgumentException.class, () -> d.decode(new int[] {6}));
        assertFalse(d.characterLevel());
        assertEquals(6, d.vocabulary().size());
    }

    @Test
    void configValidation() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new DnaConfig(" "));
        assertTrue(e.getMessage().startsWith("data:"), e.getMessage());
        assertFalse(new DnaConfig(null).hasData());
        assertTrue(new DnaConfig("x.fa").hasData());
    }
}
