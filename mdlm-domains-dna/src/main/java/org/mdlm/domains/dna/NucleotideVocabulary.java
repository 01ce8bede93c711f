package org.mdlm.domains.dna;

import org.mdlm.api.domain.Vocabulary;

/**
 * The nucleotide vocabulary: {@code A}=0, {@code C}=1, {@code G}=2, {@code T}=3, {@code N}=4
 * (any base that is not A, C, G or T) and the mask token 5 (6 ids in all).
 */
public final class NucleotideVocabulary implements Vocabulary {

    /** Id of adenine. */
    public static final int A = 0;
    /** Id of cytosine. */
    public static final int C = 1;
    /** Id of guanine. */
    public static final int G = 2;
    /** Id of thymine. */
    public static final int T = 3;
    /** Id of an unknown or ambiguous base. */
    public static final int N = 4;
    /** Id of the mask token. */
    public static final int MASK_ID = 5;
    /** Number of ids, mask included. */
    public static final int SIZE = 6;

    private static final String BASES = "ACGTN";
    private static final byte[] CODES = new byte[256];

    static {
        java.util.Arrays.fill(CODES, (byte) N);
        for (int id = 0; id < 4; id++) {
            CODES[BASES.charAt(id)] = (byte) id;
            CODES[Character.toLowerCase(BASES.charAt(id))] = (byte) id;
        }
    }

    /** Creates the (stateless) vocabulary. */
    public NucleotideVocabulary() {
    }

    /** {@inheritDoc} Always 6. */
    @Override
    public int size() {
        return SIZE;
    }

    /** {@inheritDoc} Always 5. */
    @Override
    public int maskId() {
        return MASK_ID;
    }

    /**
     * {@inheritDoc} Bases print as {@code "A"}, {@code "C"}, {@code "G"}, {@code "T"}, {@code "N"},
     * the mask as {@code "[MASK]"}.
     *
     * @throws IllegalArgumentException for an id outside 0..5
     */
    @Override
    public String symbol(int id) {
        return id == MASK_ID ? "[MASK]" : String.valueOf(baseOf(id));
    }

    /**
     * The base letter of a non-mask id.
     *
     * @throws IllegalArgumentException for the mask or an id outside 0..5
     */
    public char baseOf(int id) {
        if (id < 0 || id > N) {
            throw new IllegalArgumentException("id " + id + " is not a base; bases are ids 0..4 (A, C, G, T, N), "
                    + "mask is " + MASK_ID);
        }
        return BASES.charAt(id);
    }

    /** {@inheritDoc} Always true: DNA's reverse-complement symmetry. */
    @Override
    public boolean hasComplement() {
        return true;
    }

    /** {@inheritDoc} A&lt;-&gt;T, C&lt;-&gt;G; N and the mask are their own complements. */
    @Override
    public int complement(int id) {
        return ReverseComplement.complement(id);
    }

    /** The id of a base character: A/C/G/T in either case map to 0-3, anything else to N (4). */
    public static int idOf(int c) {
        return c >= 0 && c < 256 ? CODES[c] : N;
    }
}
