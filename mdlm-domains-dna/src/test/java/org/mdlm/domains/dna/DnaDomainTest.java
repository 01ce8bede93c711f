package org.mdlm.domains.dna;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mdlm.api.domain.DataException;
import org.mdlm.api.domain.Split;
import org.mdlm.api.domain.TokenStream;
import org.mdlm.domains.dna.fasta.TestGenomes;
import org.mdlm.domains.dna.windows.GenomeStream;
import org.mdlm.domains.dna.windows.Region;

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

    private DnaConfig.Builder config(Path fasta) {
        return DnaConfig.builder().data(fasta.toString()).cacheDir(dir.resolve("cache").toString());
    }

    private static String text(DnaDomain d, TokenStream s) {
        int[] ids = new int[(int) s.length()];
        s.read(0, ids, 0, ids.length);
        return d.decode(ids);
    }

    @Test
    void positionSplitKeepsTheFormerCutOfTheConcatenation() throws Exception {
        StringBuilder bases = new StringBuilder();
        Path file = writeFasta(bases);
        DnaDomain d = new DnaDomain(config(file).positionSplit(0.05, 0.05).build());
        assertEquals(9000, d.read(Split.TRAIN).length());
        assertEquals(500, d.read(Split.VALID).length());
        assertEquals(500, d.read(Split.TEST).length());
        assertEquals(bases.substring(0, 9000), text(d, d.read(Split.TRAIN)));
        assertEquals(bases.substring(9000, 9500), text(d, d.read(Split.VALID)));
        assertEquals(bases.substring(9500), text(d, d.read(Split.TEST)));
        assertEquals(List.of(new Region(0, 0, 6000), new Region(1, 6000, 9000)),
                ((GenomeStream) d.read(Split.TRAIN)).regions(), "cut at the chromosome seam");
        assertEquals(file.toString(), d.dataSource());
    }

    @Test
    void theDefaultRegionSplitIsDisjointCoversTheGenomeAndIsTheSameEveryTime() throws Exception {
        Path file = writeFasta(new StringBuilder());
        DnaConfig c = config(file).regionSplit(0.2, 0.2, 100).build();
        DnaDomain a = new DnaDomain(c);
        DnaDomain b = new DnaDomain(c);
        long total = 0;
        for (Split s : Split.values()) {
            List<Region> regions = ((GenomeStream) a.read(s)).regions();
            assertEquals(regions, ((GenomeStream) b.read(s)).regions(), s + " is fixed by the seed");
            total += a.read(s).length();
            for (Split t : Split.values()) {
                if (t.compareTo(s) > 0) {
                    for (Region x : regions) {
                        for (Region y : ((GenomeStream) a.read(t)).regions()) {
                            assertTrue(x.end() <= y.start() || y.end() <= x.start(), s + " " + x + " and " + t + " " + y);
                        }
                    }
                }
            }
        }
        assertEquals(10_000, total, "every base is in one split");
        DnaDomain other = new DnaDomain(config(file).regionSplit(0.2, 0.2, 100).seed(1).build());
        assertFalse(((GenomeStream) other.read(Split.VALID)).regions().equals(((GenomeStream) a.read(Split.VALID)).regions()),
                "another seed, another split");
    }

    @Test
    void chromosomeSplitUsesNamedRecords() throws Exception {
        Map<String, String> seqs = TestGenomes.random(8, 4, 3000, 3000, 0, 1);
        Path file = Files.writeString(dir.resolve("four.fa"), TestGenomes.fasta(seqs, 60));
        DnaDomain d = new DnaDomain(config(file).chromosomeSplit(List.of("chr3"), List.of("chr4"), List.of()).build());
        assertEquals(seqs.get("chr3"), text(d, d.read(Split.VALID)));
        assertEquals(seqs.get("chr4"), text(d, d.read(Split.TEST)));
        assertEquals(seqs.get("chr1") + seqs.get("chr2"), text(d, d.read(Split.TRAIN)), "all the others");
        DnaDomain onlyChr2 = new DnaDomain(config(file).chromosomeSplit(List.of("chr3"), List.of("chr4"),
                List.of("chr2")).build());
        assertEquals(seqs.get("chr2"), text(onlyChr2, onlyChr2.read(Split.TRAIN)));
        DnaDomain unknown = new DnaDomain(config(file).chromosomeSplit(List.of("chr21"), List.of("chr4"), List.of()).build());
        DataException e = assertThrows(DataException.class, () -> unknown.read(Split.TRAIN));
        assertTrue(e.getMessage().contains("valid_chromosomes names chr21") && e.getMessage().contains("chr1, chr2, chr3, chr4"),
                e.getMessage());
    }

    @Test
    void anEmptySplitSaysWhatToChange() throws Exception {
        Path file = writeFasta(new StringBuilder());
        DnaDomain d = new DnaDomain(config(file).build());
        DataException e = assertThrows(DataException.class, () -> d.read(Split.TRAIN));
        assertTrue(e.getMessage().contains("split of " + file + " is empty") && e.getMessage().contains("block_size"),
                e.getMessage());
    }

    @Test
    void intervalsRestrictEverySplit() throws Exception {
        StringBuilder bases = new StringBuilder();
        Path file = writeFasta(bases);
        Path bed = Files.writeString(dir.resolve("keep.bed"),
                "track name=keep\nchr0\t100\t1100\nchr1\t0\t2000\nchr1\t3600\t4000\n");
        DnaDomain d = new DnaDomain(config(file).positionSplit(0.5, 0.05).intervals(bed.toString()).build());
        assertEquals(List.of(new Region(0, 100, 1100)), ((GenomeStream) d.read(Split.TRAIN)).regions());
        assertEquals(bases.substring(100, 1100), text(d, d.read(Split.TRAIN)));
        assertEquals(List.of(new Region(1, 6000, 8000)), ((GenomeStream) d.read(Split.VALID)).regions());
        assertEquals(List.of(new Region(1, 9600, 10000)), ((GenomeStream) d.read(Split.TEST)).regions());
        DnaDomain none = new DnaDomain(config(file).positionSplit(0.05, 0.05).intervals(bed.toString()).build());
        DataException e = assertThrows(DataException.class, () -> none.read(Split.TEST));
        assertTrue(e.getMessage().contains("valid split") && e.getMessage().contains("within the intervals of " + bed),
                e.getMessage());
    }

    @Test
    void readsTheGenomeFromStandardInputForADash() {
        Map<String, String> seqs = TestGenomes.random(10, 1, 4000, 4000, 0, 1);
        InputStream in = System.in;
        try {
            System.setIn(new ByteArrayInputStream(TestGenomes.fasta(seqs, 60).getBytes(StandardCharsets.US_ASCII)));
            DnaDomain d = new DnaDomain(DnaConfig.builder().data("-").cacheDir(dir.toString()).positionSplit(0.25, 0.25)
                    .build());
            assertEquals(seqs.get("chr1").substring(2000, 3000), text(d, d.read(Split.VALID)));
            assertEquals("-", d.dataSource());
        } finally {
            System.setIn(in);
        }
    }

    @Test
    void withoutDataReadSaysWhichFileToGiveAndWhereHg38Is() {
        DnaDomain d = new DnaDomain(DnaConfig.defaults());
        DataException e = assertThrows(DataException.class, () -> d.read(Split.TRAIN));
        assertTrue(e.getMessage().contains("--data FILE") && e.getMessage().contains("FASTA")
                && e.getMessage().contains("hgdownload.soe.ucsc.edu/goldenPath/hg38/bigZips/hg38.fa.gz"), e.getMessage());
        assertEquals(DnaDomain.NO_DATA, d.dataSource());
        assertThrows(DataException.class, () -> new DnaDomain(new DnaConfig("")).read(Split.VALID));
    }

    @Test
    void encodeDecodeAndFacts() {
        DnaDomain d = new DnaDomain(DnaConfig.defaults());
        assertArrayEquals(new int[] {0, 1, 2, 3, 4, 4, 0}, d.encode("ac gT\nNRa"));
        assertEquals("ACGTN_", d.decode(new int[] {0, 1, 2, 3, 4, 5}));
        assertEquals("GATTACANN", d.decode(d.encode("gattaca-x")));
        assertThrows(IllegalArgumentException.class, () -> d.decode(new int[] {6}));
        assertFalse(d.characterLevel());
        assertEquals("base", d.tokenUnit());
        assertEquals(6, d.vocabulary().size());
    }

    private static void assertRefused(String key, Runnable build) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, build::run);
        assertTrue(e.getMessage().startsWith(key), "message names " + key + ": " + e.getMessage());
    }

    @Test
    void configValidationNamesTheKey() {
        assertRefused("data:", () -> new DnaConfig(" "));
        assertRefused("split:", () -> new DnaConfig(null, "genome", 0.05, 0.05, 10, null, null, null, 0.05, 0, null,
                null, 0));
        assertRefused("valid_fraction:", () -> DnaConfig.builder().regionSplit(-0.1, 0.05, 10).build());
        assertRefused("test_fraction:", () -> DnaConfig.builder().regionSplit(0.05, 1.0, 10).build());
        assertRefused("valid_fraction + test_fraction:", () -> DnaConfig.builder().regionSplit(0.5, 0.5, 10).build());
        assertRefused("block_size:", () -> DnaConfig.builder().regionSplit(0.05, 0.05, 0).build());
        assertRefused("max_n_fraction:", () -> DnaConfig.builder().maxNFraction(1.5).build());
        assertRefused("rc_augment:", () -> DnaConfig.builder().rcAugment(-0.5).build());
        assertRefused("split 'chromosome' needs", () -> DnaConfig.builder().chromosomeSplit(List.of("chr21"), List.of(),
                List.of()).build());
        assertRefused("test_chromosomes: chr1 is also", () -> DnaConfig.builder().chromosomeSplit(List.of("chr1"),
                List.of("chr1"), List.of()).build());
        assertRefused("train_chromosomes: chr2 is also", () -> DnaConfig.builder().chromosomeSplit(List.of("chr1"),
                List.of("chr2"), List.of("chr2")).build());
        assertRefused("valid_chromosomes:", () -> DnaConfig.builder().chromosomeSplit(List.of(" "), List.of("chr2"),
                List.of()).build());
        assertRefused("intervals:", () -> DnaConfig.builder().intervals("  ").build());
    }

    @Test
    void aConfigOfDataOnlyTakesTheDefaults() {
        DnaConfig c = new DnaConfig("x.fa");
        assertTrue(c.hasData());
        assertEquals("region", c.split());
        assertEquals(100_000, c.blockSize());
        assertEquals(0.05, c.validFraction());
        assertEquals(0.05, c.maxNFraction());
        assertEquals(0.0, c.rcAugment());
        assertEquals(List.of(), c.validChromosomes());
        assertFalse(DnaConfig.defaults().hasData());
        assertEquals(c, DnaConfig.builder().data("x.fa").build());
    }
}
