package org.mdlm.domains.dna.windows;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.mdlm.api.domain.Split;
import org.mdlm.domains.dna.fasta.Chromosome;
import org.mdlm.domains.dna.fasta.Genome;

/**
 * The {@code region} split: each chromosome is cut into blocks of {@code blockSize} bases (the last
 * one shorter) and each block is assigned by a uniform number u in [0, 1) hashed from
 * ({@code seed}, chromosome name, block number): valid when {@code u < validFraction}, test when
 * {@code u < validFraction + testFraction}, train otherwise. A block's split thus depends on
 * nothing else in the file, and neighbouring blocks of one split join into one region.
 *
 * @param blockSize bases per block, at least 1
 * @param validFraction expected share of valid blocks
 * @param testFraction expected share of test blocks
 * @param seed the split's seed
 */
public record RegionSplit(int blockSize, double validFraction, double testFraction, long seed) implements GenomeSplit {

    /**
     * Validates the split.
     *
     * @throws IllegalArgumentException for a block size below 1 or shares outside [0, 1) that sum to 1 or more
     */
    public RegionSplit {
        if (blockSize < 1 || !(validFraction >= 0 && testFraction >= 0 && validFraction + testFraction < 1)) {
            throw new IllegalArgumentException("block size " + blockSize + " must be >= 1 and the shares " + validFraction
                    + ", " + testFraction + " non-negative with a sum below 1");
        }
    }

    @Override
    public Map<Split, List<Region>> regions(Genome genome) {
        Map<Split, List<Region>> out = new EnumMap<>(Split.class);
        for (Split s : Split.values()) {
            out.put(s, new ArrayList<>());
        }
        List<Chromosome> chromosomes = genome.chromosomes();
        for (int k = 0; k < chromosomes.size(); k++) {
            Chromosome c = chromosomes.get(k);
            for (long block = 0, at = c.start(); at < c.end(); block++, at += blockSize) {
                Split s = splitOf(c.name(), block);
                out.get(s).add(new Region(k, at, Math.min(c.end(), at + blockSize)));
            }
        }
        out.replaceAll((s, regions) -> Regions.normalize(regions));
        return out;
    }

    /** The split of block {@code block} (0-based) of the chromosome named {@code name}. */
    public Split splitOf(String name, long block) {
        double u = uniform(seed, name, block);
        if (u < validFraction) {
            return Split.VALID;
        }
        return u < validFraction + testFraction ? Split.TEST : Split.TRAIN;
    }

    /** A number in [0, 1), uniform over seeds, names and blocks, and a pure function of them. */
    static double uniform(long seed, String name, long block) {
        long h = mix(seed ^ mix(nameHash(name)));
        h = mix(h + 0x9e3779b97f4a7c15L * (block + 1));
        return (h >>> 11) * 0x1.0p-53;
    }

    /** 64-bit FNV-1a of the name's UTF-8 bytes. */
    private static long nameHash(String name) {
        long h = 0xcbf29ce484222325L;
        for (byte b : name.getBytes(StandardCharsets.UTF_8)) {
            h = (h ^ (b & 0xff)) * 0x100000001b3L;
        }
        return h;
    }

    /** A bijective 64-bit finaliser: every input bit affects every output bit. */
    private static long mix(long z) {
        z = (z ^ (z >>> 33)) * 0xff51afd7ed558ccdL;
        z = (z ^ (z >>> 33)) * 0xc4ceb9fe1a85ec53L;
        return z ^ (z >>> 33);
    }
}
