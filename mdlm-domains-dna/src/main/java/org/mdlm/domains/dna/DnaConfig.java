package org.mdlm.domains.dna;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Config of the {@code "dna"} domain: which genome, how it is split, and which windows of it a
 * model sees. Keys in a run config are the snake_case forms of the components
 * ({@code max_n_fraction}, {@code valid_chromosomes}, ...); a config holding only {@code data}, as
 * before these keys existed, is valid and takes the defaults below.
 *
 * <p><b>Splits</b> ({@code split}), fixed by {@code seed} (apart from the training seed, so that
 * runs of different seeds see the same split):
 * <ul>
 *   <li>{@code "region"} (default): every chromosome is cut into blocks of {@code block_size}
 *       bases, and each block goes to valid with probability {@code valid_fraction}, to test with
 *       probability {@code test_fraction}, to train otherwise, decided by a hash of
 *       ({@code seed}, chromosome name, block number): a block's split does not depend on the other
 *       chromosomes of the file;</li>
 *   <li>{@code "chromosome"}: whole chromosomes, named in {@code valid_chromosomes} and
 *       {@code test_chromosomes}; train is {@code train_chromosomes}, or every other chromosome
 *       when that list is empty;</li>
 *   <li>{@code "position"}: the behaviour before splits were configurable: the genome's
 *       concatenation is cut by position, train first, then {@code valid_fraction}, then
 *       {@code test_fraction} of it (90% / 5% / 5% by default), each piece a contiguous stretch;
 *       unlike before, windows stay inside one chromosome.</li>
 * </ul>
 *
 * <p><b>Windows.</b> A training crop or evaluation window of L bases lies inside one chromosome
 * and one split (never across a seam) and holds at most {@code floor(max_n_fraction * L)} unknown
 * bases (N). {@code intervals} (a BED file, or TSV {@code chrom start end}, 0-based half-open)
 * further restricts every split to those regions.
 *
 * <p><b>Augmentation.</b> Each training crop is replaced by its reverse complement with
 * probability {@code rc_augment} (evaluation windows never are). The default 0 leaves the data as
 * it is and draws no random number; 0.5 shows the model both strands equally, the usual choice
 * for a backbone that is not reverse-complement equivariant (e.g. the DiT).
 *
 * <p><b>Cache.</b> A genome is decoded once into {@code cache_dir} (one byte per base,
 * memory-mapped; default {@code ~/.cache/mdlm/dna}, or {@code $MDLM_CACHE/dna}), never beside the
 * data.
 *
 * @param data FASTA path (plain, gzip or bgzip), {@code "-"} for standard input, or null / empty
 *             when no data is configured yet
 * @param split {@code region}, {@code chromosome} or {@code position}; default {@code region}
 * @param validFraction share of valid blocks (region) or bases (position), in [0, 1)
 * @param testFraction share of test blocks or bases, in [0, 1); both shares sum below 1
 * @param blockSize bases per block of the region split, at least 1; default 100,000
 * @param validChromosomes the valid chromosomes of the chromosome split
 * @param testChromosomes the test chromosomes of the chromosome split
 * @param trainChromosomes the train chromosomes of the chromosome split; empty = all the others
 * @param maxNFraction largest share of N in a window, in [0, 1]; default 0.05 (1 = no limit)
 * @param rcAugment probability of reverse-complementing a training crop, in [0, 1]; default 0
 * @param intervals BED / TSV file of the regions to use, or null for whole chromosomes
 * @param cacheDir folder of the decoded-genome cache, or null for {@code ~/.cache/mdlm/dna}
 * @param seed seed of the region split
 */
public record DnaConfig(String data, String split, double validFraction, double testFraction, int blockSize,
                        List<String> validChromosomes, List<String> testChromosomes, List<String> trainChromosomes,
                        double maxNFraction, double rcAugment, String intervals, String cacheDir, long seed) {

    /** The accepted values of {@code split}. */
    public static final List<String> SPLITS = List.of("region", "chromosome", "position");
    /** Default block size of the region split. */
    public static final int DEFAULT_BLOCK_SIZE = 100_000;
    /** Default largest share of unknown bases in a window. */
    public static final double DEFAULT_MAX_N_FRACTION = 0.05;
    /** Default share of valid and of test blocks (region) or bases (position). */
    public static final double DEFAULT_FRACTION = 0.05;
    /** The {@code data} value that means standard input. */
    public static final String STDIN = "-";

    /**
     * Validates the config; null {@code split} and null lists take their defaults, empty strings
     * mean null.
     *
     * @throws IllegalArgumentException naming the bad key, its value and what is accepted
     */
    public DnaConfig {
        data = path("data", data, "a FASTA file (.fa, .fa.gz) or - for standard input");
        split = split == null ? "region" : split.strip().toLowerCase(Locale.ROOT);
        if (!SPLITS.contains(split)) {
            throw new IllegalArgumentException("split: '" + split + "' is not one of " + String.join(", ", SPLITS));
        }
        share("valid_fraction", validFraction);
        share("test_fraction", testFraction);
        if (!(validFraction + testFraction < 1.0)) {
            throw new IllegalArgumentException("valid_fraction + test_fraction: " + validFraction + " + " + testFraction
                    + " leaves nothing to train on; keep their sum below 1 (e.g. 0.05 and 0.05)");
        }
        if (blockSize < 1) {
            throw new IllegalArgumentException("block_size: " + blockSize + " must be at least 1 base (e.g. 100000)");
        }
        validChromosomes = names("valid_chromosomes", validChromosomes);
        testChromosomes = names("test_chromosomes", testChromosomes);
        trainChromosomes = names("train_chromosomes", trainChromosomes);
        disjoint(validChromosomes, testChromosomes, trainChromosomes);
        if (split.equals("chromosome") && (validChromosomes.isEmpty() || testChromosomes.isEmpty())) {
            throw new IllegalArgumentException("split 'chromosome' needs valid_chromosomes and test_chromosomes, e.g. "
                    + "valid_chromosomes: [\"chr21\"], test_chromosomes: [\"chr22\"] (given: " + validChromosomes
                    + " and " + testChromosomes + ")");
        }
        if (!(maxNFraction >= 0.0 && maxNFraction <= 1.0)) {
            throw new IllegalArgumentException("max_n_fraction: " + maxNFraction + " is outside [0, 1]; give the "
                    + "largest share of unknown bases (N) a window may hold, e.g. 0.05 (1 = no limit)");
        }
        if (!(rcAugment >= 0.0 && rcAugment <= 1.0)) {
            throw new IllegalArgumentException("rc_augment: " + rcAugment + " is outside [0, 1]; give the probability "
                    + "of reverse-complementing a training crop, e.g. 0.5 (0 = never)");
        }
        intervals = path("intervals", intervals, "a BED file (chrom start end, 0-based half-open)");
        cacheDir = path("cache_dir", cacheDir, "a writable folder");
    }

    /** A config of {@code data} only, every other key at its default (as configs were before them). */
    public DnaConfig(String data) {
        this(data, "region", DEFAULT_FRACTION, DEFAULT_FRACTION, DEFAULT_BLOCK_SIZE, List.of(), List.of(), List.of(),
                DEFAULT_MAX_N_FRACTION, 0.0, null, null, 0L);
    }

    /** The default: no data configured ({@code data = null}), every other key at its default. */
    public static DnaConfig defaults() {
        return new DnaConfig(null);
    }

    /** True when a FASTA path (or standard input) is configured. */
    public boolean hasData() {
        return data != null;
    }

    /** A builder starting from this config. */
    public Builder toBuilder() {
        return new Builder(this);
    }

    /** A builder starting from the defaults. */
    public static Builder builder() {
        return defaults().toBuilder();
    }

    private static String path(String key, String value, String what) {
        if (value == null || value.isEmpty()) {
            return null;
        }
        if (value.isBlank()) {
            throw new IllegalArgumentException(key + ": '" + value + "' is blank; give " + what + " or leave it null");
        }
        try {
            Path.of(value);
        } catch (InvalidPathException e) {
            throw new IllegalArgumentException(key + ": '" + value + "' is not a valid path (" + e.getReason()
                    + "); give " + what, e);
        }
        return value;
    }

    private static void share(String key, double v) {
        if (!(v >= 0.0 && v < 1.0)) {
            throw new IllegalArgumentException(key + ": " + v + " is outside [0, 1); give a share such as 0.05");
        }
    }

    private static List<String> names(String key, List<String> names) {
        if (names == null) {
            return List.of();
        }
        List<String> out = new ArrayList<>();
        for (String n : names) {
            if (n == null || n.isBlank()) {
                throw new IllegalArgumentException(key + ": " + names + " holds an empty name; give chromosome names "
                        + "as in the FASTA headers, e.g. [\"chr21\"]");
            }
            if (out.contains(n.strip())) {
                throw new IllegalArgumentException(key + ": " + n.strip() + " is listed twice");
            }
            out.add(n.strip());
        }
        return List.copyOf(out);
    }

    private static void disjoint(List<String> valid, List<String> test, List<String> train) {
        Set<String> seen = new HashSet<>(valid);
        for (String t : test) {
            if (seen.contains(t)) {
                throw new IllegalArgumentException("test_chromosomes: " + t + " is also in valid_chromosomes; a "
                        + "chromosome belongs to one split");
            }
        }
        seen.addAll(test);
        for (String t : train) {
            if (seen.contains(t)) {
                throw new IllegalArgumentException("train_chromosomes: " + t + " is also a valid or test chromosome; "
                        + "a chromosome belongs to one split");
            }
        }
    }

    /** Changes a few keys of a config (tests, programs); {@link #build()} validates. */
    public static final class Builder {
        private String data;
        private String split;
        private double validFraction;
        private double testFraction;
        private int blockSize;
        private List<String> validChromosomes;
        private List<String> testChromosomes;
        private List<String> trainChromosomes;
        private double maxNFraction;
        private double rcAugment;
        private String intervals;
        private String cacheDir;
        private long seed;

        private Builder(DnaConfig c) {
            data = c.data;
            split = c.split;
            validFraction = c.validFraction;
            testFraction = c.testFraction;
            blockSize = c.blockSize;
            validChromosomes = c.validChromosomes;
            testChromosomes = c.testChromosomes;
            trainChromosomes = c.trainChromosomes;
            maxNFraction = c.maxNFraction;
            rcAugment = c.rcAugment;
            intervals = c.intervals;
            cacheDir = c.cacheDir;
            seed = c.seed;
        }

        /** Sets {@code data}. */
        public Builder data(String v) {
            data = v;
            return this;
        }

        /** Sets the region split with its shares and block size. */
        public Builder regionSplit(double valid, double test, int block) {
            split = "region";
            validFraction = valid;
            testFraction = test;
            blockSize = block;
            return this;
        }

        /** Sets the chromosome split; an empty {@code train} means every other chromosome. */
        public Builder chromosomeSplit(List<String> valid, List<String> test, List<String> train) {
            split = "chromosome";
            validChromosomes = valid;
            testChromosomes = test;
            trainChromosomes = train;
            return this;
        }

        /** Sets the position split with its shares. */
        public Builder positionSplit(double valid, double test) {
            split = "position";
            validFraction = valid;
            testFraction = test;
            return this;
        }

        /** Sets {@code max_n_fraction}. */
        public Builder maxNFraction(double v) {
            maxNFraction = v;
            return this;
        }

        /** Sets {@code rc_augment}. */
        public Builder rcAugment(double v) {
            rcAugment = v;
            return this;
        }

        /** Sets {@code intervals}. */
        public Builder intervals(String v) {
            intervals = v;
            return this;
        }

        /** Sets {@code cache_dir}. */
        public Builder cacheDir(String v) {
            cacheDir = v;
            return this;
        }

        /** Sets {@code seed}. */
        public Builder seed(long v) {
            seed = v;
            return this;
        }

        /** The validated config. */
        public DnaConfig build() {
            return new DnaConfig(data, split, validFraction, testFraction, blockSize, validChromosomes,
                    testChromosomes, trainChromosomes, maxNFraction, rcAugment, intervals, cacheDir, seed);
        }
    }
}
