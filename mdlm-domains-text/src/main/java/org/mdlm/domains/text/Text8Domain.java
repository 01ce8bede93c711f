package org.mdlm.domains.text;

import java.util.Objects;
import org.mdlm.api.domain.Domain;
import org.mdlm.api.domain.Split;
import org.mdlm.api.domain.TokenStream;
import org.mdlm.domains.text.tokenize.CharTokenizer;

/**
 * The text8 character domain: 26 letters, space and mask ({@link CharVocabulary}), corpus splits
 * read as described in {@link Text8Config}.
 *
 * <p>Each split is read once, on first use, into a byte array (one byte per token) and then
 * cached; a single-file corpus is read and normalised once for all three splits. Reading is
 * streaming and strict: gzip is detected by its magic bytes, bytes must be valid UTF-8.
 *
 * <p>{@link #decode} writes the mask token as {@code '_'} ({@link #MASK_CHAR}), a character that
 * normalised text never contains. This class is thread-safe.
 */
public final class Text8Domain implements Domain {

    /** The shortest split accepted, in tokens; shorter splits are a {@link org.mdlm.api.domain.DataException}. */
    public static final int MIN_SPLIT_LENGTH = 256;
    /** {@link #dataSource()} of the embedded corpus. */
    public static final String EMBEDDED_SOURCE = "embedded:moby-dick+sotu";
    /** The character that {@link #decode} writes for the mask token. */
    public static final char MASK_CHAR = '_';

    private final Text8Config config;
    private final CharVocabulary vocabulary = new CharVocabulary();
    private final CharTokenizer chars = new CharTokenizer();
    private final CorpusLoader loader;

    /** Creates the domain; nothing is read until {@link #read(Split)}. */
    public Text8Domain(Text8Config config) {
        this.config = Objects.requireNonNull(config, "config");
        this.loader = new CorpusLoader(config.data());
    }

    /** The config this domain was made from. */
    public Text8Config config() {
        return config;
    }

    /** {@inheritDoc} */
    @Override
    public CharVocabulary vocabulary() {
        return vocabulary;
    }

    /**
     * {@inheritDoc} The stream is backed by one byte per token and holds ids 0..26 only.
     *
     * @throws org.mdlm.api.domain.DataException for a missing path, a directory without the three
     *         split files, an empty corpus, a split shorter than {@link #MIN_SPLIT_LENGTH}, bytes
     *         that are not UTF-8, or a malformed JSON line
     */
    @Override
    public TokenStream read(Split split) {
        return loader.split(Objects.requireNonNull(split, "split"));
    }

    /** {@inheritDoc} The text is normalised with {@link TextNormalizer} first (as the {@code char} tokenizer does). */
    @Override
    public int[] encode(String text) {
        return chars.encode(text);
    }

    /**
     * {@inheritDoc} Ids 0-25 become {@code a-z}, 26 a space, the mask {@code '_'}.
     *
     * @throws IllegalArgumentException for an id outside 0..27
     */
    @Override
    public String decode(int[] tokens) {
        return chars.decode(tokens);
    }

    /** {@inheritDoc} Always true: one token is one character. */
    @Override
    public boolean characterLevel() {
        return true;
    }

    /** {@inheritDoc} The configured path as given, or {@link #EMBEDDED_SOURCE}. */
    @Override
    public String dataSource() {
        return config.usesEmbeddedCorpus() ? EMBEDDED_SOURCE : config.data();
    }
}
