package org.example.protein;

import org.mdlm.api.domain.Vocabulary;

/** The 20 standard amino acids (ids 0-19 in the order ACDEFGHIKLMNPQRSTVWY), X = 20, mask = 21. */
public final class ProteinVocabulary implements Vocabulary {

    /** One-letter codes of ids 0-19. */
    public static final String AMINO_ACIDS = "ACDEFGHIKLMNPQRSTVWY";
    /** Id of any other residue letter. */
    public static final int UNKNOWN = 20;
    /** Id of the mask token. */
    public static final int MASK = 21;

    @Override
    public int size() {
        return 22;
    }

    @Override
    public int maskId() {
        return MASK;
    }

    @Override
    public String symbol(int id) {
        if (id == MASK) {
            return "[MASK]";
        }
        return id == UNKNOWN ? "X" : String.valueOf(AMINO_ACIDS.charAt(id));
    }

    /** The id of a residue letter (case-insensitive); X for anything else. */
    public static int idOf(char c) {
        int i = AMINO_ACIDS.indexOf(Character.toUpperCase(c));
        return i < 0 ? UNKNOWN : i;
    }
}
