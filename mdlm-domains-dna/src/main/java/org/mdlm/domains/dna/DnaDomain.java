package org.mdlm.domains.dna;

import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.mdlm.api.domain.DataException;
import org.mdlm.api.domain.Domain;
import org.mdlm.api.domain.Split;
import org.mdlm.api.domain.TokenStream;
import org.mdlm.domains.dna.fasta.Genome;
import org.mdlm.domains.dna.fasta.GenomeCache;
import org.mdlm.domains.dna.windows.ChromosomeSplit;
import org.mdlm.domains.dna.windows.GenomeSplit;
import org.mdlm.domains.dna.windows.GenomeStream;
import org.mdlm.domains.dna.windows.IntervalFile;
import org.mdlm.domains.dna.windows.PositionSplit;
import org.mdlm.domains.dna.windows.Region;
import org.mdlm.domains.dna.windows.RegionSplit;
import org.mdlm.domains.dna.windows.Regions;

/**
 * The DNA domain: one token per nucleotide ({@link NucleotideVocabulary}: A, C, G, T, N, mask).
 *
 * <p>The configured FASTA genome is read once, on first use, into the decoded-genome cache
 * ({@link GenomeCache}: later runs map it instead of decompressing again) or, for {@code data = "-"},
 * from standard input. It is split into train, valid and test regions ({@link DnaConfig}: by
 * blocks, by chromosome or by position), each restricted to the configured intervals, and each
 * split is a {@link GenomeStream}: training crops and evaluation windows stay inside one region
 * (one chromosome) and hold few unknown bases; training crops are reverse-complemented with
 * probability {@code rc_augment}.
 *
 * <p>Tokens are nucleotides, not characters of text, so {@link #characterLevel()} is false and
 * {@link #tokenUnit()} is {@code "base"}: losses are reported in nats per base with bits per base
 * and perplexity. {@link #decode} writes the mask as {@code '_'} ({@link #MASK_CHAR}). This class
 * is thread-safe.
 */
public final class DnaDomain implements Domain {

    /** The character that {@link #decode} writes for the mask token. */
    public static final char MASK_CHAR = '_';
    /** {@link #dataSource()} when no FASTA path is configured. */
    public static final String NO_DATA = "none";
    /** Where to download the human reference genome hg38 (UCSC). */
    public static final String HG38_URL = "https://hgdownload.soe.ucsc.edu/goldenPath/hg38/bigZips/hg38.fa.gz";

    private final DnaConfig config;
    private final NucleotideVocabulary vocabulary = new NucleotideVocabulary();
    private Genome genome;
    private Map<Split, GenomeStream> splits;

    /** Creates the domain; nothing is read until {@link #read(Split)}. */
    public DnaDomain(DnaConfig config) {
        this.config = Objects.requireNonNull(config, "config");
    }

    /** The config this domain was made from. */
    public DnaConfig config() {
        return config;
    }

    /** {@inheritDoc} */
    @Override
    public NucleotideVocabulary vocabulary() {
        return vocabulary;
    }

    /**
     * {@inheritDoc} A {@link GenomeStream}.
     *
     * @throws DataException when no FASTA path is configured, the file is missing or malformed, the
     *         intervals file is, or a split is empty
     */
    @Override
    public synchronized TokenStream read(Split split) {
        Objects.requireNonNull(split, "split");
        if (splits == null) {
            splits = load();
        }
        return splits.get(split);
    }

    /**
     * The genome, read on first use (or mapped from the cache).
     *
     * @throws DataException as {@link #read(Split)}
     */
    public synchronized Genome genome() {
        if (genome == null) {
            if (!config.hasData()) {
                throw new DataException("the dna domain has no data: pass --data FILE (or set domain.data) naming a "
                        + "FASTA genome, plain, gzip or bgzip (.fa, .fa.gz), or - to read it from standard input; "
                        + "e.g. the human genome hg38 from UCSC: " + HG38_URL);
            }
            GenomeCache cache = new GenomeCache(config.cacheDir() != null ? Path.of(config.cacheDir())
                    : GenomeCache.defaultDirectory());
            genome = config.data().equals(DnaConfig.STDIN) ? cache.loadStream(System.in, "standard input")
                    : cache.load(Path.of(config.data()));
        }
        return genome;
    }

    private Map<Split, GenomeStream> load() {
        Genome g = genome();
        Map<Split, List<Region>> parts = splitter().regions(g);
        List<Region> allowed = config.intervals() == null ? null : IntervalFile.read(Path.of(config.intervals()), g);
        Map<Split, GenomeStream> made = new EnumMap<>(Split.class);
        for (Split s : Split.values()) {
            String name = s.name().toLowerCase(Locale.ROOT);
            List<Region> regions = allowed == null ? parts.get(s) : Regions.intersect(parts.get(s), allowed);
            if (regions.isEmpty()) {
                throw new DataException("the " + name + " split of " + config.data() + " is empty (split "
                        + config.split() + (allowed == null ? "" : ", within the intervals of " + config.intervals())
                        + "); " + fix(name));
            }
            made.put(s, new GenomeStream(name, g, regions, config.maxNFraction(), config.rcAugment()));
        }
        return made;
    }

    private GenomeSplit splitter() {
        return switch (config.split()) {
            case "chromosome" -> new ChromosomeSplit(config.validChromosomes(), config.testChromosomes(),
                    config.trainChromosomes());
            case "position" -> new PositionSplit(config.validFraction(), config.testFraction());
            default -> new RegionSplit(config.blockSize(), config.validFraction(), config.testFraction(), config.seed());
        };
    }

    private String fix(String split) {
        return switch (config.split()) {
            case "chromosome" -> "name chromosomes for it that the genome (and the intervals) hold";
            case "position" -> "raise its fraction or give a longer genome";
            default -> "lower block_size (now " + config.blockSize() + ") so that the genome has more blocks, raise "
                    + (split.equals("train") ? "the train share" : split + "_fraction") + ", or change seed";
        };
    }

    /**
     * {@inheritDoc} A/C/G/T in either case map to 0-3, whitespace is skipped, anything else is N.
     */
    @Override
    public int[] encode(String text) {
        int[] out = new int[text.length()];
        int n = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!Character.isWhitespace(c)) {
                out[n++] = NucleotideVocabulary.idOf(c);
            }
        }
        return n == out.length ? out : java.util.Arrays.copyOf(out, n);
    }

    /**
     * {@inheritDoc} Ids 0-4 become {@code ACGTN}, the mask {@code '_'}.
     *
     * @throws IllegalArgumentException for an id outside 0..5
     */
    @Override
    public String decode(int[] tokens) {
        char[] chars = new char[tokens.length];
        for (int i = 0; i < tokens.length; i++) {
            chars[i] = tokens[i] == NucleotideVocabulary.MASK_ID ? MASK_CHAR : vocabulary.baseOf(tokens[i]);
        }
        return new String(chars);
    }

    /** {@inheritDoc} Always false: a token is a nucleotide, not a character of text. */
    @Override
    public boolean characterLevel() {
        return false;
    }

    /** {@inheritDoc} {@code "base"}: reports give nats and bits per base (nucleotide). */
    @Override
    public String tokenUnit() {
        return "base";
    }

    /** {@inheritDoc} The FASTA path as configured ({@code -} for standard input), or {@link #NO_DATA}. */
    @Override
    public String dataSource() {
        return config.hasData() ? config.data() : NO_DATA;
    }
}
