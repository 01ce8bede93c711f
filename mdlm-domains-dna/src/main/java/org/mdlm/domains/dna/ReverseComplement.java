package org.mdlm.domains.dna;

/**
 * Reverse complement of nucleotide id sequences ({@link NucleotideVocabulary} numbering):
 * the order is reversed and A&lt;-&gt;T, C&lt;-&gt;G are swapped; N and the mask map to themselves.
 * Applying it twice gives the input back.
 */
public final class ReverseComplement {

    private static final int[] COMPLEMENT = {
        NucleotideVocabulary.T, NucleotideVocabulary.G, NucleotideVocabulary.C, NucleotideVocabulary.A,
        NucleotideVocabulary.N, NucleotideVocabulary.MASK_ID};

    private ReverseComplement() {
    }

    /**
     * The complement of one id (A&lt;-&gt;T, C&lt;-&gt;G, N and mask unchanged).
     *
     * @throws IllegalArgumentException for an id outside 0..5
     */
    public static int complement(int id) {
        if (id < 0 || id >= COMPLEMENT.length) {
            throw new IllegalArgumentException("id " + id + " is outside the nucleotide vocabulary 0..5");
        }
        return COMPLEMENT[id];
    }

    /** A new array holding the reverse complement of {@code ids}; e.g. AACGN becomes NCGTT. */
    public static int[] of(int[] ids) {
        int n = ids.length;
        int[] out = new int[n];
        for (int i = 0; i < n; i++) {
            out[n - 1 - i] = complement(ids[i]);
        }
        return out;
    }
}
