package org.mdlm.domains.text.synthetic;

import org.mdlm.api.domain.Vocabulary;

/** Ids 0..size-2 print as {@code w<id>}; the last id is the mask. */
final class SyntheticVocabulary implements Vocabulary {

    static final String MASK = "[MASK]";
    private final int size;

    SyntheticVocabulary(int size) {
        this.size = size;
    }

    @Override
    public int size() {
        return size;
    }

    @Override
    public int maskId() {
        return size - 1;
    }

    @Override
    public String symbol(int id) {
        if (id < 0 || id >= size) {
            throw new IllegalArgumentException("id " + id + " outside the vocabulary 0.." + (size - 1));
        }
        return id == maskId() ? MASK : "w" + id;
    }
}
