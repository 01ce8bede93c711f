package org.mdlm.domains.dna.windows;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.mdlm.api.domain.Split;
import org.mdlm.domains.dna.fasta.Genome;
import org.mdlm.domains.dna.fasta.TestGenomes;

/** The three splits: deterministic, disjoint, covering, at the configured shares. */
class GenomeSplitTest {

    private static final Genome GENOME = TestGenomes.genome(TestGenomes.random(3, 6, 20_000, 60_000, 0, 1));

    /** Split of every base, by a scan of the regions. */
    private static Split[] owner(Map<Split, List<Region>> parts) {
        Split[] owner = new Split[(int) GENOME.length()];
        for (Map.Entry<Split, List<Region>> e : parts.entrySet()) {
            for (Region r : e.getValue()) {
                assertEquals(GENOME.chromosomes().get(r.chromosome()).name(), GENOME.chromosomeAt(r.start()).name());
                assertTrue(r.end() <= GENOME.chromosomes().get(r.chromosome()).end(), "inside its chromosome: " + r);
                for (long p = r.start(); p < r.end(); p++) {
                    assertEquals(null, owner[(int) p], "position " + p + " in two splits");
                    owner[(int) p] = e.getKey();
                }
            }
        }
        return owner;
    }

    @Test
    void regionSplitIsAFixedDisjointCoverAtItsShares() {
        RegionSplit split = new RegionSplit(200, 0.1, 0.15, 42);
        Map<Split, List<Region>> parts = split.regions(GENOME);
        assertEquals(parts, new RegionSplit(200, 0.1, 0.15, 42).regions(GENOME), "the same seed, the same split");
        Split[] owner = owner(parts);
        long[] blocks = new long[3];
        for (var c : GENOME.chromosomes()) {
            for (long b = 0; b * 200 < c.length(); b++) {
                long at = c.start() + b * 200;
                Split s = split.splitOf(c.name(), b);
                blocks[s.ordinal()]++;
                for (long p = at; p < Math.min(c.end(), at + 200); p++) {
                    assertEquals(s, owner[(int) p], "block " + b + " of " + c.name() + " is one split");
                }
            }
        }
        long n = blocks[0] + blocks[1] + blocks[2];
        assertTrue(n > 1000, "enough blocks for a statistical check: " + n);
        double[] p = {0.75, 0.1, 0.15};
        for (Split s : Split.values()) {
            double sd = Math.sqrt(n * p[s.ordinal()] * (1 - p[s.ordinal()]));
            assertEquals(n * p[s.ordinal()], blocks[s.ordinal()], 4 * sd, s + " blocks of " + n);
        }
        for (List<Region> regions : parts.values()) {
            for (int i = 1; i < regions.size(); i++) {
                assertTrue(regions.get(i - 1).end() < regions.get(i).start()
                        || regions.get(i - 1).chromosome() != regions.get(i).chromosome(), "neighbouring blocks joined");
            }
        }
        assertNotEquals(parts, new RegionSplit(200, 0.1, 0.15, 43).regions(GENOME), "another seed, another split");
    }

    @Test
    void aBlocksSplitDependsOnlyOnItsChromosomeNameAndNumber() {
        Map<String, String> seqs = TestGenomes.random(3, 6, 20_000, 60_000, 0, 1);
        Map<String, String> reversed = new LinkedHashMap<>();
        List<String> names = new ArrayList<>(seqs.keySet());
        for (int i = names.size() - 1; i >= 0; i--) {
            reversed.put(names.get(i), seqs.get(names.get(i)));
        }
        Genome other = TestGenomes.genome(reversed);
        RegionSplit split = new RegionSplit(500, 0.2, 0.2, 7);
        Map<Split, List<Region>> a = split.regions(GENOME);
        Map<Split, List<Region>> b = split.regions(other);
        for (Split s : Split.values()) {
            for (String name : names) {
                assertEquals(relative(GENOME, a.get(s), name), relative(other, b.get(s), name), s + " of " + name);
            }
        }
    }

    /** The split's regions of one chromosome, in chromosome coordinates. */
    private static List<List<Long>> relative(Genome g, List<Region> regions, String name) {
        int k = g.indexOf(name);
        long start = g.chromosomes().get(k).start();
        return regions.stream().filter(r -> r.chromosome() == k)
                .map(r -> List.of(r.start() - start, r.end() - start)).toList();
    }

    @Test
    void chromosomeSplitTakesWholeNamedChromosomes() {
        Map<Split, List<Region>> parts = new ChromosomeSplit(List.of("chr2", "chr5"), List.of("chr6"), List.of())
                .regions(GENOME);
        owner(parts);
        assertEquals(List.of(1, 4), parts.get(Split.VALID).stream().map(Region::chromosome).toList());
        assertEquals(List.of(5), parts.get(Split.TEST).stream().map(Region::chromosome).toList());
        assertEquals(List.of(0, 2, 3), parts.get(Split.TRAIN).stream().map(Region::chromosome).toList());
        for (List<Region> regions : parts.values()) {
            for (Region r : regions) {
                assertEquals(GENOME.chromosomes().get(r.chromosome()).length(), r.length(), "whole chromosome");
            }
        }
        Map<Split, List<Region>> listed = new ChromosomeSplit(List.of("chr2"), List.of("chr6"), List.of("chr1", "chr3"))
                .regions(GENOME);
        assertEquals(List.of(0, 2), listed.get(Split.TRAIN).stream().map(Region::chromosome).toList());
    }

    @Test
    void positionSplitCutsTheConcatenationAtTheSharesAndAtSeams() {
        Map<Split, List<Region>> parts = new PositionSplit(0.05, 0.05).regions(GENOME);
        Split[] owner = owner(parts);
        long n = GENOME.length();
        long trainEnd = n * 90 / 100;
        long validEnd = n * 95 / 100;
        for (long p = 0; p < n; p += 97) {
            assertEquals(p < trainEnd ? Split.TRAIN : p < validEnd ? Split.VALID : Split.TEST, owner[(int) p]);
        }
        assertEquals(trainEnd, Regions.length(parts.get(Split.TRAIN)));
        assertEquals(validEnd - trainEnd, Regions.length(parts.get(Split.VALID)));
    }
}
