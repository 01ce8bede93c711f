package org.mdlm.domains.dna.windows;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import org.mdlm.api.domain.DataException;
import org.mdlm.api.domain.TokenStream;
import org.mdlm.domains.dna.ReverseComplement;
import org.mdlm.domains.dna.fasta.Genome;

/**
 * One split of a genome as a {@link TokenStream}: its regions laid end to end (stream offset 0 is
 * the first region's first base). Where windows go:
 * <ul>
 *   <li>{@link #cropOffset}: a training crop starts uniformly at random among the allowed starts
 *       ({@link WindowStarts}: inside one region, so never across a chromosome seam or a split
 *       boundary, with at most {@code floor(maxNFraction * len)} unknown bases). Over the genome
 *       this weights each region, and so each chromosome, by its number of allowed starts, about
 *       its length;</li>
 *   <li>{@link #windowOffset}: an evaluation window moves to the allowed start nearest to where
 *       the evaluator proposed it (the lower one on a tie); evenly spaced proposals inside a long
 *       run of N (a centromere) may land on the same start;</li>
 *   <li>{@link #transformCrop}: with probability {@code rcAugment} a training crop becomes its
 *       reverse complement (one {@code nextDouble} per crop; none when the probability is 0).</li>
 * </ul>
 * Thread-safe.
 */
public final class GenomeStream implements TokenStream {

    private final String name;
    private final Genome genome;
    private final List<Region> regions;
    private final long[] streamStarts;
    private final long length;
    private final double maxNFraction;
    private final double rcAugment;
    private final Map<Integer, WindowStarts> starts = new ConcurrentHashMap<>();

    /**
     * A stream over {@code regions} of {@code genome}.
     *
     * @param name the split's name, for messages
     * @param regions normalized regions, at least one
     * @param maxNFraction largest share of unknown bases in a window, in [0, 1]
     * @param rcAugment probability of reverse-complementing a training crop, in [0, 1]
     * @throws IllegalArgumentException for no regions or a share outside [0, 1]
     */
    public GenomeStream(String name, Genome genome, List<Region> regions, double maxNFraction, double rcAugment) {
        this.name = Objects.requireNonNull(name, "name");
        this.genome = Objects.requireNonNull(genome, "genome");
        this.regions = List.copyOf(regions);
        if (this.regions.isEmpty()) {
            throw new IllegalArgumentException("split " + name + " has no region");
        }
        if (!(maxNFraction >= 0 && maxNFraction <= 1 && rcAugment >= 0 && rcAugment <= 1)) {
            throw new IllegalArgumentException("maxNFraction " + maxNFraction + " and rcAugment " + rcAugment
                    + " must lie in [0, 1]");
        }
        this.streamStarts = new long[this.regions.size()];
        long at = 0;
        for (int i = 0; i < streamStarts.length; i++) {
            streamStarts[i] = at;
            at += this.regions.get(i).length();
        }
        this.length = at;
        this.maxNFraction = maxNFraction;
        this.rcAugment = rcAugment;
    }

    /** The regions, in stream order. */
    public List<Region> regions() {
        return regions;
    }

    /** The genome position of stream offset {@code offset}. */
    public long genomePosition(long offset) {
        Objects.checkIndex(offset, length);
        int i = region(offset);
        return regions.get(i).start() + (offset - streamStarts[i]);
    }

    /** Most unknown bases a window of {@code len} may hold: {@code floor(maxNFraction * len)}. */
    public long maxN(int len) {
        return (long) Math.floor(maxNFraction * len + 1e-9);
    }

    /** Number of allowed starts of windows of {@code len} bases. */
    public long allowedStarts(int len) {
        return startsOf(len).count();
    }

    /** Whether a window of {@code len} bases may start at {@code offset}. */
    public boolean allowed(long offset, int len) {
        return startsOf(len).contains(offset);
    }

    @Override
    public long length() {
        return length;
    }

    @Override
    public void read(long offset, int[] dst, int dstOffset, int len) {
        Objects.checkFromIndexSize(offset, len, length);
        Objects.checkFromIndexSize(dstOffset, len, dst.length);
        long at = offset;
        int d = dstOffset;
        int left = len;
        while (left > 0) {
            int i = region(at);
            long inRegion = at - streamStarts[i];
            int n = (int) Math.min(left, regions.get(i).length() - inRegion);
            genome.bases().copy(regions.get(i).start() + inRegion, dst, d, n);
            at += n;
            d += n;
            left -= n;
        }
    }

    /**
     * {@inheritDoc} Uniform over the allowed starts (see the class comment), one draw.
     *
     * @throws DataException if no window of {@code len} bases qualifies
     */
    @Override
    public long cropOffset(int len, SplittableRandom rng) {
        return startsOf(len).sample(rng);
    }

    /**
     * {@inheritDoc} The allowed start nearest to {@code proposed}.
     *
     * @throws DataException if no window of {@code len} bases qualifies
     */
    @Override
    public long windowOffset(long proposed, int len) {
        return startsOf(len).nearest(proposed);
    }

    /** {@inheritDoc} Reverse-complements the crop in place with probability {@code rcAugment}. */
    @Override
    public void transformCrop(int[] crop, SplittableRandom rng) {
        if (rcAugment > 0 && rng.nextDouble() < rcAugment) {
            int[] rc = ReverseComplement.of(crop);
            System.arraycopy(rc, 0, crop, 0, crop.length);
        }
    }

    private WindowStarts startsOf(int len) {
        if (len < 1) {
            throw new IllegalArgumentException("window length " + len + " must be at least 1");
        }
        WindowStarts s = starts.computeIfAbsent(len,
                l -> WindowStarts.of(regions, streamStarts, genome.nRuns(), l, maxN(l)));
        if (s.count() == 0) {
            long longest = regions.stream().mapToLong(Region::length).max().orElse(0);
            throw new DataException("no window of " + len + " bases in the " + name + " split holds at most " + maxN(len)
                    + " unknown bases (N) (max_n_fraction " + maxNFraction + "): the split has " + length + " bases in "
                    + regions.size() + " region" + (regions.size() == 1 ? "" : "s") + ", the longest " + longest
                    + "; lower seq_len, raise max_n_fraction, or give the split more sequence (split, block_size, "
                    + "intervals)");
        }
        return s;
    }

    private int region(long offset) {
        int i = Arrays.binarySearch(streamStarts, offset);
        return i >= 0 ? i : -i - 2;
    }
}
