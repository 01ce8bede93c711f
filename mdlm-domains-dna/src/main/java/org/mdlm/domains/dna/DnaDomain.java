package org.mdlm.domains.dna;

import org.mdlm.api.domain.ByteTokenStream;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.mdlm.api.domain.DataException;
import org.mdlm.api.domain.Domain;
import org.mdlm.api.domain.Split;
import org.mdlm.api.domain.TokenStream;

/**
 * The DNA domain: one token per nucleotide ({@link NucleotideVocabulary}: A, C, G, T, N, mask).
 *
 * <p>The configured FASTA file is read once, on first use, with {@link FastaReader} (all records
 * concatenated, one byte per base) and split by position: the first 90% of the bases are train,
 * the next 5% valid and the last 5% test (boundaries at {@code floor(0.90 n)} and
 * {@code floor(0.95 n)}). For a genome this keeps each split a contiguous stretch of it.
 *
 * <p>Tokens are not characters of text, so {@link #characterLevel()} is false: losses are reported
 * in nats per nucleotide, not as bits per character. {@link #decode} writes the mask as
 * {@code '_'} ({@link #MASK_CHAR}). This class is thread-safe.
 */
public final class DnaDomain implements Domain {

    /** The shortest split accepted, in bases. */
    public static final int MIN_SPLIT_LENGTH = 256;
    /** The character that {@link #decode} writes for the mask token. */
    public static final char MASK_CHAR = '_';
    /** {@link #dataSource()} when no FASTA path is configured. */
    public static final String NO_DATA = "none";

    private final DnaConfig config;
    private final NucleotideVocabulary vocabulary = new NucleotideVocabulary();
    private final Map<Split, ByteTokenStream> splits = new EnumMap<>(Split.class);

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
     * {@inheritDoc}
     *
     * @throws DataException when no FASTA path is configured, the file is missing or not FASTA,
     *         holds no bases, or a split would be shorter than {@link #MIN_SPLIT_LENGTH}
     */
    @Override
    public synchronized TokenStream read(Split split) {
        Objects.requireNonNull(split, "split");
        if (!config.hasData()) {
            throw new DataException("the dna domain needs a FASTA file: set its data to a path, e.g. "
                    + "data=/path/to/genome.fa.gz (plain, gzip or bgzip FASTA; split 90%/5%/5% by position)");
        }
        if (splits.isEmpty()) {
            load(Path.of(config.data()));
        }
        return splits.get(split);
    }

    private void load(Path file) {
        byte[] all = FastaReader.read(file);
        if (all.length == 0) {
            throw new DataException(file + " holds no bases (no sequence lines after its headers); "
                    + "give a FASTA file with sequence data");
        }
        int trainEnd = (int) (all.length * 90L / 100);
        int validEnd = (int) (all.length * 95L / 100);
        Map<Split, ByteTokenStream> made = new EnumMap<>(Split.class);
        made.put(Split.TRAIN, new ByteTokenStream(all, 0, trainEnd));
        made.put(Split.VALID, new ByteTokenStream(all, trainEnd, validEnd - trainEnd));
        made.put(Split.TEST, new ByteTokenStream(all, validEnd, all.length - validEnd));
        for (Map.Entry<Split, ByteTokenStream> e : made.entrySet()) {
            if (e.getValue().length() < MIN_SPLIT_LENGTH) {
                throw new DataException("split " + e.getKey().name().toLowerCase(Locale.ROOT) + " of " + file
                        + " has only " + e.getValue().length() + " bases; at least " + MIN_SPLIT_LENGTH
                        + " are needed, so the FASTA file needs at least " + (MIN_SPLIT_LENGTH * 20)
                        + " bases (it has " + all.length + ")");
            }
        }
        splits.putAll(made);
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

    /** {@inheritDoc} Always false: report nats per nucleotide, not bits per character. */
    @Override
    public boolean characterLevel() {
        return false;
    }

    /** {@inheritDoc} The FASTA path as configured, or {@link #NO_DATA}. */
    @Override
    public String dataSource() {
        return config.hasData() ? config.data() : NO_DATA;
    }
}
