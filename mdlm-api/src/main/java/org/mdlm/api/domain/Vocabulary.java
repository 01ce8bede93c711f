package org.mdlm.api.domain;

import java.util.OptionalInt;

/**
 * Token ids 0..size()-1, one of which is the mask token, and optionally special tokens: padding
 * (positions that are not part of the text and count in no loss), beginning and end of sequence,
 * and a complement map (DNA's reverse-complement symmetry).
 */
public interface Vocabulary {

    /** Number of ids including the mask token. */
    int size();

    /** The id of the mask token. */
    int maskId();

    /** A printable form of one id (the mask prints as e.g. "[MASK]"). */
    String symbol(int id);

    /** The padding id, if the domain pads sequences; padded positions are excluded from every loss. */
    default OptionalInt padId() {
        return OptionalInt.empty();
    }

    /** The beginning-of-sequence id, if the domain has one. */
    default OptionalInt bosId() {
        return OptionalInt.empty();
    }

    /** The end-of-sequence id, if the domain has one. */
    default OptionalInt eosId() {
        return OptionalInt.empty();
    }

    /** True when {@link #complement(int)} is defined (e.g. A&lt;-&gt;T, C&lt;-&gt;G for DNA). */
    default boolean hasComplement() {
        return false;
    }

    /**
     * The complement of a token id.
     *
     * @throws UnsupportedOperationException when {@link #hasComplement()} is false
     */
    default int complement(int id) {
        throw new UnsupportedOperationException("this vocabulary has no complement map");
    }

    /**
     * A plain vocabulary of {@code size} ids without special tokens beyond the mask: symbols are
     * {@code "#id"} and {@code "[MASK]"}. For tests and for models loaded without their domain.
     *
     * @throws IllegalArgumentException if size &lt; 2 or maskId is outside [0, size)
     */
    static Vocabulary of(int size, int maskId) {
        return new PlainVocabulary(size, maskId);
    }
}
