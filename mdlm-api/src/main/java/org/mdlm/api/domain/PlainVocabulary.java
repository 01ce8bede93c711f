package org.mdlm.api.domain;

/**
 * The vocabulary of {@link Vocabulary#of}: ids only, a mask, no other special token.
 *
 * @param size number of ids including the mask, at least 2
 * @param maskId id of the mask token, in [0, size)
 */
record PlainVocabulary(int size, int maskId) implements Vocabulary {

    PlainVocabulary {
        if (size < 2) {
            throw new IllegalArgumentException("a vocabulary needs at least 2 ids, got " + size);
        }
        if (maskId < 0 || maskId >= size) {
            throw new IllegalArgumentException("maskId must be in [0, " + (size - 1) + "], got " + maskId);
        }
    }

    @Override
    public String symbol(int id) {
        return id == maskId ? "[MASK]" : "#" + id;
    }
}
