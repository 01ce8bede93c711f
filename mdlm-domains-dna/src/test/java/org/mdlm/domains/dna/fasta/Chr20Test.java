package org.mdlm.domains.dna.fasta;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.mdlm.domains.dna.NucleotideVocabulary;
import org.mdlm.testkit.TestData;

/**
 * Reads the whole real human chromosome 20 (bgzip FASTA, 983 gzip members) of the data folder given
 * to the profile "data". Reading all 63 Mbp takes about 1-2 s, so the whole file is checked.
 */
@Tag("data")
class Chr20Test {

    private static Path chr20() {
        return TestData.data("dna/hg19-chr20.fa.gz");
    }

    @Test
    void wholeChromosomeHasItsKnownLengthAndBaseCounts() {
        long t0 = System.nanoTime();
        Genome g = FastaReader.read(chr20());
        double seconds = (System.nanoTime() - t0) / 1e9;
        long[] counts = new long[6];
        for (long at = 0; at < g.length(); at += 1 << 20) {
            for (byte b : g.bases().bytes(at, (int) Math.min(1 << 20, g.length() - at))) {
                counts[b]++;
            }
        }
        assertEquals(java.util.List.of(new Chromosome("20", 0, 63_025_520)), g.chromosomes(), "GRCh37 chr20 length");
        assertEquals(counts[NucleotideVocabulary.N], g.nRuns().total(), "the N runs hold every N");
        assertEquals(3_520_000, counts[NucleotideVocabulary.N]);
        assertEquals(16_523_053, counts[NucleotideVocabulary.A]);
        assertEquals(13_107_828, counts[NucleotideVocabulary.C]);
        assertEquals(13_149_412, counts[NucleotideVocabulary.G]);
        assertEquals(16_725_227, counts[NucleotideVocabulary.T]);
        assertTrue(seconds < 60, "reading 63 Mbp took " + seconds + " s");
    }

    @Test
    void theProjectsSliceIsTheChromosomesFirstBlocksVerbatim() throws IOException {
        byte[] slice = Files.readAllBytes(TestData.path("dna/hg19-chr20-head.fa.gz"));
        int eofBlock = 28;
        byte[] head = Arrays.copyOf(Files.readAllBytes(chr20()), slice.length - eofBlock);
        assertArrayEquals(head, Arrays.copyOf(slice, slice.length - eofBlock), "the same bytes as the data file");
        Genome sliceGenome = FastaReader.read(TestData.path("dna/hg19-chr20-head.fa.gz"));
        byte[] bases = sliceGenome.bases().bytes(0, (int) sliceGenome.length());
        assertArrayEquals(FastaReader.read(chr20()).bases().bytes(0, bases.length), bases,
                "the same bases as the chromosome's head");
    }
}
