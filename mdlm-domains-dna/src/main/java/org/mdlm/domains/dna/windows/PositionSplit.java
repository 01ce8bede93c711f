package org.mdlm.domains.dna.windows;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.mdlm.api.domain.Split;
import org.mdlm.domains.dna.fasta.Chromosome;
import org.mdlm.domains.dna.fasta.Genome;

/**
 * The {@code position} split: the genome's concatenation cut in three stretches, train first, then
 * valid, then test, with boundaries at {@code floor(n (1 - validFraction - testFraction))} and
 * {@code floor(n (1 - testFraction))} for a genome of n bases (in decimal, as the shares are written) (90% / 5% / 5% by default, the
 * domain's behaviour before splits were configurable). Each stretch is cut at chromosome seams.
 *
 * @param validFraction share of valid bases
 * @param testFraction share of test bases
 */
public record PositionSplit(double validFraction, double testFraction) implements GenomeSplit {

    /**
     * Validates the shares.
     *
     * @throws IllegalArgumentException for shares outside [0, 1) that sum to 1 or more
     */
    public PositionSplit {
        if (!(validFraction >= 0 && testFraction >= 0 && validFraction + testFraction < 1)) {
            throw new IllegalArgumentException("shares " + validFraction + ", " + testFraction
                    + " must be non-negative with a sum below 1");
        }
    }

    @Override
    public Map<Split, List<Region>> regions(Genome genome) {
        long n = genome.length();
        long trainEnd = floorOfShare(n, BigDecimal.ONE.subtract(BigDecimal.valueOf(validFraction))
                .subtract(BigDecimal.valueOf(testFraction)));
        long validEnd = floorOfShare(n, BigDecimal.ONE.subtract(BigDecimal.valueOf(testFraction)));
        Map<Split, List<Region>> out = new EnumMap<>(Split.class);
        out.put(Split.TRAIN, cut(genome, 0, trainEnd));
        out.put(Split.VALID, cut(genome, trainEnd, validEnd));
        out.put(Split.TEST, cut(genome, validEnd, n));
        return out;
    }

    /** floor(n * share) in decimal arithmetic: 0.9 of 10,000 bases is 9,000, not 8,999. */
    private static long floorOfShare(long n, BigDecimal share) {
        return BigDecimal.valueOf(n).multiply(share).setScale(0, RoundingMode.FLOOR).longValueExact();
    }

    private static List<Region> cut(Genome genome, long from, long to) {
        List<Region> out = new ArrayList<>();
        List<Chromosome> chromosomes = genome.chromosomes();
        for (int k = 0; k < chromosomes.size(); k++) {
            Chromosome c = chromosomes.get(k);
            long lo = Math.max(from, c.start());
            long hi = Math.min(to, c.end());
            if (lo < hi) {
                out.add(new Region(k, lo, hi));
            }
        }
        return out;
    }
}
