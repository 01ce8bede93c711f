package org.mdlm.domains.text.tokenize;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.mdlm.domains.text.CharVocabulary;
import org.mdlm.domains.text.Text8Config;
import org.mdlm.domains.text.Text8Domain;

class CharTokenizerTest {

    private final CharTokenizer chars = new CharTokenizer();

    @Test
    void isTheText8Alphabet() {
        CharVocabulary text8 = new CharVocabulary();
        assertEquals("char", chars.name());
        assertEquals(27, chars.baseSize());
        assertEquals(text8.size(), chars.size());
        assertEquals(text8.maskId(), chars.maskId());
        assertEquals(OptionalInt.empty(), chars.padId());
        for (int id = 0; id < text8.size(); id++) {
            assertEquals(text8.symbol(id), chars.symbol(id), "id " + id);
        }
    }

    @Test
    void encodesAndDecodesAsTheText8Domain() {
        Text8Domain domain = new Text8Domain(Text8Config.defaults());
        String text = "Caf\u00e9 No. 5! \u00c6sop's  fables";
        assertArrayEquals(domain.encode(text), chars.encode(text));
        assertEquals("cafe no five aesop s fables", chars.decode(chars.encode(text)));
        int[] masked = {7, 27, 8};
        assertEquals(domain.decode(masked), chars.decode(masked));
        assertEquals("h_i", chars.decode(masked));
        assertThrows(IllegalArgumentException.class, () -> chars.decode(new int[] {28}));
    }
}
