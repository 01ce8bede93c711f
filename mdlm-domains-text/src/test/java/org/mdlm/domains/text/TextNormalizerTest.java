package org.mdlm.domains.text;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class TextNormalizerTest {

    private static String n(String s) {
        return TextNormalizer.normalize(s);
    }

    @Test
    void lowercasesAndTurnsPunctuationRunsIntoOneSpace() {
        assertEquals("hello world", n("Hello, World!"));
        assertEquals("don t stop", n("Don't -- stop."));
        assertEquals("multiple spaces tabs and lines", n("  multiple   spaces\n\ttabs\r\nand   lines  "));
        assertEquals("a b c", n("a_b-c"));
    }

    @Test
    void spellsOutEachDigit() {
        assertEquals("in one eight five one", n("In 1851"));
        assertEquals("x two y", n("x2y"));
        assertEquals("zero nine", n("09"));
        assertEquals("three", n("\u0663"));
    }

    @Test
    void stripsAccentsAndFoldsLetters() {
        assertEquals("cafe noel", n("Café Noël"));
        assertEquals("ecole", n("ÉCOLE"));
        assertEquals("naive resume", n("naïve—résumé"));
        assertEquals("e", n("e\u0301"));
        assertEquals("strasse", n("Straße"));
        assertEquals("aesir", n("Æsir"));
        assertEquals("fine hello", n("\uFB01ne \uFF28\uFF45\uFF4C\uFF4C\uFF4F"));
    }

    @Test
    void otherScriptsAndSymbolsBecomeSeparators() {
        assertEquals("abc", n("αβγ abc"));
        assertEquals("a b", n("a\uD83D\uDE00b"));
        assertEquals("", n(""));
        assertEquals("", n("!!! ... ???"));
        assertEquals("", n("\u0301"));
    }

    @Test
    void streamingChunksEqualOneShotEvenAcrossSurrogatePairs() {
        String text = "Moby\uD83D\uDE00Dick, 1851 — Café";
        for (int cut = 0; cut <= text.length(); cut++) {
            char[] chars = text.toCharArray();
            TextNormalizer t = new TextNormalizer(4);
            t.append(chars, 0, cut).append(chars, cut, chars.length - cut);
            assertArrayEquals(TextNormalizer.normalizeToIds(text), t.toIds(), "cut at " + cut);
        }
    }

    @Test
    void boundaryInsertsOneSpaceButNeverALeadingOrTrailingOne() {
        TextNormalizer t = new TextNormalizer().boundary().append("one").boundary().boundary().append(" two ").boundary();
        byte[] ids = t.toIds();
        assertEquals(7, ids.length);
        assertEquals(CharVocabulary.SPACE_ID, ids[3]);
    }

    @Test
    void outputIsInTheAlphabetAndIdempotentOnRandomText() {
        String pool = "aZq 9,.'\n\té߯\u0301\uD83D\uDE00αΩ-_\u00A0\uFB01";
        SplittableRandom rnd = new SplittableRandom(42);
        for (int trial = 0; trial < 200; trial++) {
            StringBuilder b = new StringBuilder();
            int len = rnd.nextInt(60);
            for (int i = 0; i < len; i++) {
                int k = rnd.nextInt(pool.length());
                b.append(pool.charAt(k));
            }
            String once = n(b.toString());
            assertTrue(once.matches("([a-z]+( [a-z]+)*)?"), () -> "not text8: '" + once + "'");
            assertEquals(once, n(once));
        }
    }
}
