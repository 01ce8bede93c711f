package org.mdlm.domains.dna.fasta;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.mdlm.domains.dna.NucleotideVocabulary;
import org.mdlm.testkit.TestData;

/**
 * Reads the real bgzip FASTA slice of the project's test data (the first five BGZF blocks of human
 * chromosome 20 and the end-of-file block; see testdata/README.md) and checks it against a naive
 * line-by-line decoder.
 */
class Chr20HeadTest {

    /** Bases in the slice, as testdata/README.md states. */
    private static final int LENGTH = 321_046;
    /** The chromosome starts with the telomere gap: 60,000 N. */
    private static final int GAP = 60_000;

    private static Path slice() {
        return TestData.path("dna/hg19-chr20-head.fa.gz");
    }

    /** The oracle: the JDK's gzip stream (which reads every member), one line at a time. */
    private static byte[] naive(Path file) throws IOException {
        StringBuilder bases = new StringBuilder();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(
                new GZIPInputStream(Files.newInputStream(file)), StandardCharsets.US_ASCII))) {
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                if (!line.startsWith(">")) {
                    bases.append(line.strip());
                }
            }
        }
        byte[] ids = new byte[bases.length()];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = (byte) "ACGT".indexOf(Character.toUpperCase(bases.charAt(i)));
            if (ids[i] < 0) {
                ids[i] = NucleotideVocabulary.N;
            }
        }
        return ids;
    }

    private static byte[] ids() {
        Genome g = FastaReader.read(slice());
        return g.bases().bytes(0, (int) g.length());
    }

    @Test
    void readsEveryBgzfBlockLikeANaiveDecoder() throws IOException {
        byte[] ids = ids();
        assertEquals(LENGTH, ids.length, "bases in the first five BGZF blocks");
        assertArrayEquals(naive(slice()), ids);
    }

    @Test
    void startsInTheTelomereGapThenHasAllFourBases() {
        byte[] ids = ids();
        long[] counts = new long[NucleotideVocabulary.N + 1];
        for (byte b : ids) {
            counts[b]++;
        }
        for (int i = 0; i < GAP; i++) {
            assertEquals(NucleotideVocabulary.N, ids[i], "position " + i + " lies in the telomere gap");
        }
        assertTrue(ids[GAP] < NucleotideVocabulary.N, "sequence starts right after the gap");
        for (int base = 0; base < NucleotideVocabulary.N; base++) {
            assertTrue(counts[base] > LENGTH / 8, "base " + base + " occurs: " + Arrays.toString(counts));
        }
    }

    @Test
    void isOneRecordNamed20WhoseNRunsMatchItsBases() {
        Genome g = FastaReader.read(slice());
        assertEquals(java.util.List.of(new Chromosome("20", 0, LENGTH)), g.chromosomes());
        long n = 0;
        for (byte b : ids()) {
            n += b == NucleotideVocabulary.N ? 1 : 0;
        }
        assertEquals(n, g.nRuns().total());
        assertEquals(0, g.nRuns().start(0));
        assertEquals(GAP, g.nRuns().end(0), "the first run is the telomere gap");
    }
}
