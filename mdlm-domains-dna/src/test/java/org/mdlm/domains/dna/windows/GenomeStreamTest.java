package org.mdlm.domains.dna.windows;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.mdlm.api.domain.DataException;
import org.mdlm.api.domain.Split;
import org.mdlm.domains.dna.ReverseComplement;
import org.mdlm.domains.dna.fasta.Chromosome;
import org.mdlm.domains.dna.fasta.Genome;
import org.mdlm.domains.dna.fasta.TestGenomes;

/** Training crops and evaluation windows of a genome split, and reverse-complement augmentation. */
class GenomeStreamTest {

    /** Five chromosomes of 2-6 kbp with N runs of up to 400 bases (about 10% N). */
    private static final Genome GENOME = TestGenomes.genome(TestGenomes.random(17, 5, 2000, 6000, 0.002, 400));

    private static GenomeStream train(double maxN, double rc) {
        List<Region> regions = new RegionSplit(700, 0.1, 0.1, 0).regions(GENOME).get(Split.TRAIN);
        return new GenomeStream("train", GENOME, regions, maxN, rc);
    }

    private static long countN(int[] crop) {
        long n = 0;
        for (int id : crop) {
            n += id == 4 ? 1 : 0;
        }
        return n;
    }

    @Test
    void cropsNeverHoldMoreNThanTheLimitNorCrossASeamOverManySeeds() {
        double nShare = (double) GENOME.nRuns().total() / GENOME.length();
        assertTrue(nShare > 0.05 && nShare < 0.3, "the genome has N to avoid: " + nShare);
        GenomeStream s = train(0.05, 0);
        int len = 100;
        int crossesBlocks = 0;
        for (long seed = 0; seed < 300; seed++) {
            SplittableRandom rng = new SplittableRandom(seed);
            for (int b = 0; b < 16; b++) {
                long offset = s.cropOffset(len, rng);
                int[] crop = new int[len];
                s.read(offset, crop, 0, len);
                assertTrue(countN(crop) <= 5, "seed " + seed + ": " + countN(crop) + " N in a crop of 100 at " + offset);
                long first = s.genomePosition(offset);
                long last = s.genomePosition(offset + len - 1);
                assertEquals(len - 1, last - first, "one stretch of the genome, no jump between regions");
                Chromosome c = GENOME.chromosomeAt(first);
                assertTrue(last < c.end(), "inside " + c.name());
                crossesBlocks += first / 700 != last / 700 ? 1 : 0;
            }
        }
        assertTrue(crossesBlocks > 0, "crops do span neighbouring train blocks of one chromosome");
    }

    @Test
    void cropsAreAFunctionOfTheGeneratorAndWeightChromosomesByLength() {
        GenomeStream s = train(1.0, 0);
        SplittableRandom a = new SplittableRandom(5);
        SplittableRandom b = new SplittableRandom(5);
        long[] perChromosome = new long[GENOME.chromosomes().size()];
        int draws = 20_000;
        for (int i = 0; i < draws; i++) {
            long offset = s.cropOffset(50, a);
            assertEquals(offset, s.cropOffset(50, b), "same generator state, same crop");
            perChromosome[GENOME.chromosomeAt(s.genomePosition(offset)).name().charAt(3) - '1']++;
        }
        long[] starts = new long[perChromosome.length];
        long all = 0;
        for (Region r : s.regions()) {
            starts[r.chromosome()] += Math.max(0, r.length() - 50 + 1);
            all += Math.max(0, r.length() - 50 + 1);
        }
        for (int c = 0; c < starts.length; c++) {
            double p = (double) starts[c] / all;
            double sd = Math.sqrt(draws * p * (1 - p));
            assertEquals(draws * p, perChromosome[c], 5 * sd, "chromosome " + (c + 1) + " by its number of starts");
        }
    }

    @Test
    void evaluationWindowsMoveToTheNearestAllowedStart() {
        GenomeStream s = train(0.0, 0);
        int len = 64;
        for (long proposed = 0; proposed + len <= s.length(); proposed += 97) {
            long w = s.windowOffset(proposed, len);
            int[] window = new int[len];
            s.read(w, window, 0, len);
            assertEquals(0, countN(window), "max_n_fraction 0: no N at " + w);
            assertTrue(s.allowed(w, len));
            if (s.allowed(proposed, len)) {
                assertEquals(proposed, w, "an allowed start stays");
            }
            long dist = Math.abs(w - proposed);
            for (long d = 1; d < dist; d++) {
                assertTrue(!s.allowed(proposed - d, len) && !s.allowed(proposed + d, len),
                        "nothing allowed nearer to " + proposed + " than " + w);
            }
            if (w > proposed) {
                assertTrue(!s.allowed(proposed - dist, len), "a tie goes to the lower start");
            }
        }
    }

    @Test
    void whenNoWindowQualifiesTheStreamSaysSoInsteadOfLooping() {
        Genome allN = TestGenomes.genome(Map.of("chrN", "ACGT" + "N".repeat(5000) + "ACGT"));
        GenomeStream s = new GenomeStream("valid", allN, List.of(new Region(0, 0, allN.length())), 0.05, 0);
        DataException e = assertThrows(DataException.class, () -> s.cropOffset(100, new SplittableRandom(1)));
        assertTrue(e.getMessage().contains("no window of 100 bases in the valid split holds at most 5 unknown bases")
                && e.getMessage().contains("max_n_fraction"), e.getMessage());
        assertThrows(DataException.class, () -> s.windowOffset(0, 100));
        DataException tooLong = assertThrows(DataException.class, () -> s.cropOffset(6000, new SplittableRandom(1)));
        assertTrue(tooLong.getMessage().contains("the longest 5008"), tooLong.getMessage());
        assertEquals(5008 - 100 + 1, new GenomeStream("valid", allN, s.regions(), 1.0, 0).allowedStarts(100),
                "max_n_fraction 1: every start");
    }

    @Test
    void reverseComplementAugmentationHasItsProbabilityAndIsExact() {
        GenomeStream s = train(1.0, 0.3);
        SplittableRandom rng = new SplittableRandom(99);
        SplittableRandom replay = new SplittableRandom(99);
        int len = 60;
        int rows = 4000;
        int complemented = 0;
        for (int b = 0; b < rows; b++) {
            long offset = s.cropOffset(len, rng);
            int[] crop = new int[len];
            s.read(offset, crop, 0, len);
            int[] forward = crop.clone();
            s.transformCrop(crop, rng);
            replay.nextLong();
            boolean flip = replay.nextDouble() < 0.3;
            assertArrayEquals(flip ? ReverseComplement.of(forward) : forward, crop, "row " + b);
            complemented += flip ? 1 : 0;
        }
        double sd = Math.sqrt(rows * 0.3 * 0.7);
        assertEquals(rows * 0.3, complemented, 4 * sd, "share of reverse complements");
        GenomeStream plain = train(1.0, 0);
        SplittableRandom untouched = new SplittableRandom(4);
        int[] crop = {0, 1, 2, 3, 4};
        plain.transformCrop(crop, untouched);
        assertArrayEquals(new int[] {0, 1, 2, 3, 4}, crop);
        assertEquals(new SplittableRandom(4).nextLong(), untouched.nextLong(), "rc_augment 0 draws nothing");
    }

    @Test
    void readingCrossesRegionsAsOneStreamOfTheirBases() {
        GenomeStream s = train(1.0, 0);
        StringBuilder expected = new StringBuilder();
        for (Region r : s.regions()) {
            expected.append(TestGenomes.text(GENOME.bases(), r.start(), (int) r.length()));
        }
        int[] all = new int[(int) s.length()];
        s.read(0, all, 0, all.length);
        StringBuilder got = new StringBuilder();
        for (int id : all) {
            got.append("ACGTN".charAt(id));
        }
        assertEquals(expected.toString(), got.toString());
        assertThrows(IndexOutOfBoundsException.class, () -> s.read(s.length() - 3, new int[4], 0, 4));
    }
}
