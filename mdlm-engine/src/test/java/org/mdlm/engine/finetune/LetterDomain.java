package org.mdlm.engine.finetune;

import java.util.OptionalInt;
import org.mdlm.api.domain.Domain;
import org.mdlm.api.domain.Split;
import org.mdlm.api.domain.TokenStream;
import org.mdlm.api.domain.Vocabulary;

/**
 * A nucleotide-like domain for tests: A, C, G, T are ids 0-3, any other letter is N (4), the mask
 * is 5, and, when it pads, the pad is 6. One token per character.
 */
final class LetterDomain implements Domain {

    static final String LETTERS = "ACGTN";
    static final int MASK = 5;
    static final int PAD = 6;

    private final boolean pads;

    LetterDomain(boolean pads) {
        this.pads = pads;
    }

    @Override
    public Vocabulary vocabulary() {
        return new Vocabulary() {
            @Override
            public int size() {
                return pads ? 7 : 6;
            }

            @Override
            public int maskId() {
                return MASK;
            }

            @Override
            public String symbol(int id) {
                return id < 5 ? String.valueOf(LETTERS.charAt(id)) : id == MASK ? "[MASK]" : "[PAD]";
            }

            @Override
            public OptionalInt padId() {
                return pads ? OptionalInt.of(PAD) : OptionalInt.empty();
            }
        };
    }

    @Override
    public TokenStream read(Split split) {
        throw new UnsupportedOperationException("no corpus");
    }

    @Override
    public int[] encode(String text) {
        int[] ids = new int[text.length()];
        for (int i = 0; i < ids.length; i++) {
            int k = LETTERS.indexOf(Character.toUpperCase(text.charAt(i)));
            ids[i] = k < 0 || k > 3 ? 4 : k;
        }
        return ids;
    }

    @Override
    public String decode(int[] tokens) {
        StringBuilder b = new StringBuilder();
        for (int t : tokens) {
            b.append(t < 5 ? LETTERS.charAt(t) : '_');
        }
        return b.toString();
    }

    @Override
    public boolean characterLevel() {
        return true;
    }

    @Override
    public String dataSource() {
        return "none";
    }
}
