package org.mdlm.backbones.caduceus;

import org.mdlm.api.domain.Vocabulary;

/**
 * The nucleotide layout of the dna domain, written here so that the backbone's tests do not depend
 * on that module: A=0, C=1, G=2, T=3, N=4, mask 5; A<->T and C<->G complement, N and the mask are
 * their own complements.
 */
class DnaLikeVocabulary implements Vocabulary {

    private static final int[] COMPLEMENT = {3, 2, 1, 0, 4, 5};

    @Override
    public int size() {
        return 6;
    }

    @Override
    public int maskId() {
        return 5;
    }

    @Override
    public String symbol(int id) {
        return id == 5 ? "[MASK]" : String.valueOf("ACGTN".charAt(id));
    }

    @Override
    public boolean hasComplement() {
        return true;
    }

    @Override
    public int complement(int id) {
        return COMPLEMENT[id];
    }
}
