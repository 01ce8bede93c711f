package org.mdlm.domains.text.tokenize;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/**
 * The bert-base-uncased tokenizer. Expected ids beyond the issue's example were computed with a
 * Python port of HuggingFace's (slow) {@code BertTokenizer} on the same vocabulary, whose
 * {@code str.lower}, {@code unicodedata} and {@code str.split} are the behaviour to match.
 */
class BertTokenizerTest {

    private final BertTokenizer bert = new BertTokenizer();

    @Test
    void encodesTheIssuesExample() {
        int[] ids = bert.encode("Hello world, this is a test.");
        assertArrayEquals(new int[] {101, 7592, 2088, 1010, 2023, 2003, 1037, 3231, 1012, 102}, ids);
        assertEquals("hello world, this is a test.", bert.decode(ids));
    }

    @Test
    void specialIdsAreBerts() {
        assertEquals("bert-base-uncased", bert.name());
        assertEquals(30522, bert.baseSize());
        assertEquals(30522, bert.size(), "the mask is in the vocabulary: no id is appended");
        assertEquals(103, bert.maskId());
        assertEquals(OptionalInt.of(0), bert.padId());
        assertEquals(OptionalInt.of(101), bert.bosId());
        assertEquals(OptionalInt.of(102), bert.eosId());
        assertEquals(List.of("[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]"),
                List.of(bert.symbol(0), bert.symbol(100), bert.symbol(101), bert.symbol(102), bert.symbol(103)));
        assertEquals("##s", bert.symbol(2015));
        assertEquals("##\uff5e", bert.symbol(30521), "the last line of vocab.txt");
    }

    @Test
    void lowerCasesAndStripsAccents() {
        assertEquals(List.of("hello"), BertTokenizer.basicTokens("H\u00e9llo"));
        assertEquals(List.of("hello"), BertTokenizer.basicTokens("He\u0301llo"), "a combining accent");
        assertArrayEquals(new int[] {101, 7592, 7668, 15743, 17076, 15687, 102},
                bert.encode("H\u00e9llo CAF\u00c9 na\u00efve \u00c5ngstr\u00f6m"));
        assertEquals("hello cafe naive angstrom", bert.decode(bert.encode("H\u00e9llo CAF\u00c9 na\u00efve \u00c5ngstr\u00f6m")));
    }

    @Test
    void splitsOnWhitespaceAndPunctuation() {
        assertEquals(List.of("a", ".", "b", ",", "c", "!", "(", "d", ")", "\u2014", "e", "\u00bf"),
                BertTokenizer.basicTokens("a.b,c! (d)\u2014e\u00bf"));
        assertEquals(List.of("don", "'", "t", "$", "5", "+", "x"), BertTokenizer.basicTokens("Don't $5+x"));
        assertArrayEquals(new int[] {101, 2123, 1005, 1056, 2180, 1005, 1056, 1045, 1005, 1049, 2057, 1005, 2128, 102},
                bert.encode("don't won't I'm we're"));
        assertEquals("don't won't i'm we're", bert.decode(bert.encode("don't won't I'm we're")));
    }

    @Test
    void cleansWhitespaceAndControlCharacters() {
        assertArrayEquals(new int[] {101, 1037, 1038, 1039, 13366, 102}, bert.encode("a\u00a0b\u3000c\u2028d\u200be\u0007f"),
                "no-break and ideographic spaces split, the line separator splits, zero-width space and BEL vanish");
        assertEquals(List.of("a", "b"), BertTokenizer.basicTokens("\ta\r\n b\ufffd\u0000 "));
    }

    @Test
    void cjkIdeographsAreWordsOfTheirOwn() {
        assertArrayEquals(new int[] {101, 1746, 1861, 100, 1864, 1876, 1950, 1469, 30006, 30021, 29991, 30014, 30020, 29999,
                30008, 102}, bert.encode("\u4e2d\u6587\u5b57 \u65e5\u672c\u8a9e \ud55c\uad6d\uc5b4"),
                "ideographs one by one (\u5b57 is not in the vocabulary), Hangul in jamo pieces");
    }

    @Test
    void wordPiecesAreLongestMatchFirstWithContinuations() {
        int[] ids = bert.encode("unaffable tokenization");
        assertArrayEquals(new int[] {101, 14477, 20961, 3468, 19204, 3989, 102}, ids);
        assertEquals(List.of("una", "##ffa", "##ble", "token", "##ization"),
                List.of(bert.symbol(14477), bert.symbol(20961), bert.symbol(3468), bert.symbol(19204), bert.symbol(3989)));
        assertEquals("unaffable tokenization", bert.decode(ids));
        assertArrayEquals(new int[] {101, 1062, 2480, 4160, 2595, 3501, 2615, 102}, bert.encode("zzqxjv"));
    }

    @Test
    void wordsOverOneHundredCodePointsAndUncoverableWordsAreUnknown() {
        assertArrayEquals(new int[] {101, 100, 7929, 102}, bert.encode("x".repeat(101) + " ok"));
        assertTrue(bert.encode("x".repeat(100)).length > 3, "100 code points are still cut into pieces");
        assertArrayEquals(new int[] {101, 1984, 2638, 100, 100, 102}, bert.encode("\ufb01ne \u216b \u2460"),
                "the ligature is not decomposed (NFD, not NFKD); the numerals have no piece");
    }

    @Test
    void specialTokensInTheTextAreKept() {
        assertArrayEquals(new int[] {101, 103, 2003, 1037, 7592, 103, 2088, 1031, 7308, 1033, 102},
                bert.encode("[MASK] is a Hello[MASK]world [mask]"));
        assertEquals("[MASK] is a hello [MASK] world [ mask ]", bert.decode(bert.encode("[MASK] is a Hello[MASK]world [mask]")));
    }

    @Test
    void decodeJoinsPiecesAndDropsSequenceMarksAndPadding() {
        assertEquals("hello world", bert.decode(new int[] {101, 7592, 2088, 102, 0, 0}));
        assertEquals("##s", bert.decode(new int[] {2015}), "a leading piece stays as it is");
        assertEquals("[UNK] [MASK]", bert.decode(new int[] {100, 103}));
        assertEquals("", bert.decode(bert.encode("")));
        assertArrayEquals(new int[] {101, 102}, bert.encode(" \t\n"));
    }

    @Test
    void idsOutsideTheVocabularyAreRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> bert.decode(new int[] {30522}));
        assertTrue(e.getMessage().contains("id 30522 is not a bert-base-uncased token; ids are 0..30521"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> bert.symbol(-1));
    }
}
