package org.mdlm.domains.text;

import org.mdlm.api.domain.Vocabulary;

/**
 * The text8 character vocabulary: {@code a}-{@code z} are ids 0-25, space is 26 and the mask
 * token is 27 (28 ids in all). This numbering matches the reference training curve and the DiT
 * parity fixture, so it must not change.
 */
public final class CharVocabulary implements Vocabulary {

    /** Number of ids, mask included. */
    public static final int SIZE = 28;
    /** The id of the space character. */
    public static final int SPACE_ID = 26;
    /** The id of the mask token. */
    public static final int MASK_ID = 27;
    /** How the mask token prints in {@link #symbol(int)}. */
    public static final String MASK_SYMBOL = "[MASK]";

    /** Creates the (stateless) vocabulary. */
    public CharVocabulary() {
    }

    /** {@inheritDoc} Always 28. */
    @Override
    public int size() {
        return SIZE;
    }

    /** {@inheritDoc} Always 27. */
    @Override
    public int maskId() {
        return MASK_ID;
    }

    /**
     * {@inheritDoc} Letters print as themselves, id 26 as a single space and the mask as
     * {@code "[MASK]"}.
     *
     * @throws IllegalArgumentException if {@code id} is outside 0..27
     */
    @Override
    public String symbol(int id) {
        return id == MASK_ID ? MASK_SYMBOL : String.valueOf(charOf(id));
    }

    /**
     * The character of a non-mask id: {@code 'a' + id} for 0-25, {@code ' '} for 26.
     *
     * @throws IllegalArgumentException if {@code id} is the mask or outside 0..27
     */
    public char charOf(int id) {
        if (id >= 0 && id < SPACE_ID) {
            return (char) ('a' + id);
        }
        if (id == SPACE_ID) {
            return ' ';
        }
        throw new IllegalArgumentException("id " + id + " has no character; characters are ids 0.."
                + SPACE_ID + " (mask is " + MASK_ID + ")");
    }

    /**
     * The id of a character of the text8 alphabet ({@code a}-{@code z} or space), or -1 for any
     * other character (use {@link TextNormalizer} first to map arbitrary text).
     */
    public int idOf(char c) {
        if (c >= 'a' && c <= 'z') {
            return c - 'a';
        }
        return c == ' ' ? SPACE_ID : -1;
    }
}
