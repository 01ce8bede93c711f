package org.mdlm.domains.dna.windows;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mdlm.api.domain.DataException;
import org.mdlm.api.domain.Split;
import org.mdlm.domains.dna.fasta.Genome;
import org.mdlm.domains.dna.fasta.TestGenomes;

/** BED / TSV intervals: parsing, errors with file and line, and windows restricted to them. */
class IntervalFileTest {

    /** chr1: 1000 bases (genome 0-1000), chr2: 2000 bases (genome 1000-3000). */
    private static final Genome GENOME = TestGenomes.genome(twoChromosomes());

    @TempDir
    Path dir;

    private static Map<String, String> twoChromosomes() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("chr1", "ACGT".repeat(250));
        m.put("chr2", "GGCA".repeat(500));
        return m;
    }

    private List<Region> read(String text) throws IOException {
        return IntervalFile.read(Files.writeString(dir.resolve("r.bed"), text), GENOME);
    }

    @Test
    void readsZeroBasedHalfOpenIntervalsSkippingHeadersAndMergingOverlaps() throws IOException {
        assertEquals(List.of(new Region(0, 10, 20), new Region(1, 1000, 1500), new Region(1, 1600, 3000)),
                read("# comment\ntrack name=x\nbrowser position chr1\nchrom\tstart\tend\n\n"
                        + "chr2 600 2000 extra columns\nchr1\t10\t20\nchr2\t0\t400\nchr2\t300\t500\n"));
        assertEquals(List.of(new Region(0, 990, 1000), new Region(1, 1000, 1010)),
                read("chr1\t990\t1000\nchr2\t0\t10\n"), "intervals touching at a seam stay apart");
        assertEquals(List.of(new Region(0, 0, 5)), IntervalFile.read(Files.write(dir.resolve("r.bed.gz"),
                TestGenomes.gzip("chr1\t0\t5\n")), GENOME), "gzipped");
    }

    private void assertRefused(String text, String... parts) {
        DataException e = assertThrows(DataException.class, () -> read(text));
        for (String p : parts) {
            assertTrue(e.getMessage().contains(p), "'" + p + "' in: " + e.getMessage());
        }
    }

    @Test
    void malformedLinesAreReportedWithFileAndLine() {
        assertRefused("chr1\t0\t10\nchr1 5\n", "r.bed, line 2", "expected chrom start end, found 2 columns");
        assertRefused("chr1\t0\t10\nchr1\tx\t20\n", "line 2", "start 'x' is not a whole number");
        assertRefused("chr1\t0\t10\nchr1\t1.5\t20\n", "line 2", "start '1.5'");
        assertRefused("chr1\t0\t10\n\nchr1\t30\t20\n", "line 3", "empty or negative");
        assertRefused("chr1\t-5\t10\n", "line 1", "empty or negative");
        assertRefused("chr1\t0\t1001\n", "line 1", "end 1001 lies past the end of chr1, which has 1000 bases");
        assertRefused("chr1\t0\t10\nchrX\t0\t10\n", "line 2", "chromosome chrX is not in the genome", "chr1, chr2");
        assertRefused("# nothing\n", "holds no interval");
        DataException e = assertThrows(DataException.class, () -> IntervalFile.read(dir.resolve("none.bed"), GENOME));
        assertTrue(e.getMessage().contains("none.bed") && e.getMessage().contains("does not exist"), e.getMessage());
    }

    @Test
    void cropsAndWindowsStayInsideTheIntervals() throws IOException {
        List<Region> keep = read("chr1\t100\t260\nchr2\t50\t400\nchr2\t1500\t1620\n");
        List<Region> train = Regions.intersect(new RegionSplit(300, 0.2, 0.2, 1).regions(GENOME).get(Split.TRAIN), keep);
        GenomeStream s = new GenomeStream("train", GENOME, train, 1.0, 0);
        SplittableRandom rng = new SplittableRandom(8);
        int len = 40;
        for (int i = 0; i < 2000; i++) {
            long offset = i % 2 == 0 ? s.cropOffset(len, rng) : s.windowOffset(rng.nextLong(s.length()), len);
            long first = s.genomePosition(offset);
            long last = s.genomePosition(offset + len - 1);
            assertEquals(len - 1, last - first);
            assertTrue(keep.stream().anyMatch(r -> r.start() <= first && last < r.end()),
                    "window [" + first + ", " + (last + 1) + ") inside one interval");
        }
    }
}
