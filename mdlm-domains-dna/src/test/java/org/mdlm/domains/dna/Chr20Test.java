package org.mdlm.domains.dna;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * Reads the real human chromosome 20 (bgzip FASTA, 983 gzip members) of the shared data folder,
 * present in CI. Reading all 63 Mbp takes about 1-2 s, so the whole file is checked.
 */
class Chr20Test {

    private static final Path CHR20 = Path.of("../../shared/data/dna/hg19-chr20.fa.gz");

    private static Path chr20() {
        if (!Files.isRegularFile(CHR20)) {
            fail("shared data missing: expected " + CHR20.toAbsolutePath() + " (present in CI)");
        }
        return CHR20;
    }

    @Test
    void wholeChromosomeHasItsKnownLengthAndBaseCounts() {
        long t0 = System.nanoTime();
        byte[] ids = FastaReader.read(chr20());
        double seconds = (System.nanoTime() - t0) / 1e9;
        long[] counts = new long[6];
        for (byte b : ids) {
            counts[b]++;
        }
        assertEquals(63_025_520, ids.length, "GRCh37 chr20 length");
        assertEquals(3_520_000, counts[NucleotideVocabulary.N]);
        assertEquals(16_523_053, counts[NucleotideVocabulary.A]);
        assertEquals(13_107_828, counts[NucleotideVocabulary.C]);
        assertEquals(13_149_412, counts[NucleotideVocabulary.G]);
        assertEquals(16_725_227, counts[NucleotideVocabulary.T]);
        assertTrue(seconds < 60, "reading 63 Mbp took " + seconds + " s");
    }

    @Test
    void prefixStopsEarlyAtTheLimit() {
        byte[] prefix = FastaReader.read(chr20(), 1_000_000);
        assertEquals(1_000_000, prefix.length);
        assertEquals(NucleotideVocabulary.N, prefix[0], "chr20 starts in the telomere gap (N)");
        boolean sawBase = false;
        for (byte b : prefix) {
            sawBase |= b < NucleotideVocabulary.N;
        }
        assertTrue(sawBase, "the first megabase contains sequenced bases");
    }
}
