package org.mdlm.domains.text.tokenize;

import org.mdlm.api.domain.Tokenizer;
import org.mdlm.domains.text.CharVocabulary;
import org.mdlm.domains.text.Text8Domain;
import org.mdlm.domains.text.TextNormalizer;

/**
 * The text8 character alphabet of the {@code text8} domain as a tokenizer: {@code a}-{@code z} are
 * ids 0-25, space 26, and the mask one id past them (27; {@link CharVocabulary}'s numbering). Text
 * is first normalised with {@link TextNormalizer} (lower case, accents stripped, digits spelled out,
 * everything else one space), so encoding is not one-to-one: {@code "Café No. 5!"} decodes back as
 * {@code "cafe no five"}. The mask decodes as {@code '_'}, as in {@link Text8Domain#decode}.
 */
public final class CharTokenizer implements Tokenizer {

    /** The short name. */
    public static final String NAME = "char";

    private final CharVocabulary vocabulary = new CharVocabulary();

    /** Creates the (stateless) tokenizer. */
    public CharTokenizer() {
    }

    @Override
    public String name() {
        return NAME;
    }

    /** {@inheritDoc} 27: the letters and space. */
    @Override
    public int baseSize() {
        return CharVocabulary.MASK_ID;
    }

    /** {@inheritDoc} 28. */
    @Override
    public int size() {
        return vocabulary.size();
    }

    /** {@inheritDoc} 27. */
    @Override
    public int maskId() {
        return vocabulary.maskId();
    }

    /** {@inheritDoc} A letter, a space, or {@code [MASK]}. */
    @Override
    public String symbol(int id) {
        return vocabulary.symbol(id);
    }

    @Override
    public int[] encode(String text) {
        byte[] ids = TextNormalizer.normalizeToIds(text);
        int[] out = new int[ids.length];
        for (int i = 0; i < ids.length; i++) {
            out[i] = ids[i];
        }
        return out;
    }

    /**
     * {@inheritDoc}
     *
     * @throws IllegalArgumentException for an id outside 0..27
     */
    @Override
    public String decode(int[] ids) {
        char[] chars = new char[ids.length];
        for (int i = 0; i < ids.length; i++) {
            int id = ids[i];
            if (id < 0 || id >= CharVocabulary.SIZE) {
                throw new IllegalArgumentException("id " + id + " is not a char token; ids are 0.."
                        + (CharVocabulary.SIZE - 1) + " (a-z 0-25, space 26, mask 27)");
            }
            chars[i] = id == CharVocabulary.MASK_ID ? Text8Domain.MASK_CHAR : vocabulary.charOf(id);
        }
        return new String(chars);
    }
}
