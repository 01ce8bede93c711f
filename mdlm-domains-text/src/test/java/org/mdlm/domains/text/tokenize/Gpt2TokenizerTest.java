package org.mdlm.domains.text.tokenize;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.OptionalInt;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The gpt2 tokenizer. The expected ids were computed with a Python reimplementation of GPT-2's
 * {@code encoder.py} (the {@code regex} module's pattern, GPT-2's {@code encoder.json} and
 * {@code vocab.bpe}); {@link Gpt2VocabularyFilesTest} checks the same agreement on a whole corpus.
 */
class Gpt2TokenizerTest {

    private final Gpt2Tokenizer gpt2 = new Gpt2Tokenizer();

    @Test
    void helloWorldIsTheIssuesExample() {
        assertArrayEquals(new int[] {15496, 995}, gpt2.encode("Hello world"));
        assertEquals("Hello world", gpt2.decode(new int[] {15496, 995}));
    }

    @Test
    void vocabularyIsGpt2sWithTheMaskAppended() {
        assertEquals("gpt2", gpt2.name());
        assertEquals(50257, gpt2.baseSize());
        assertEquals(50258, gpt2.size());
        assertEquals(50257, gpt2.maskId());
        assertEquals(OptionalInt.of(50256), gpt2.bosId());
        assertEquals(OptionalInt.of(50256), gpt2.eosId());
        assertEquals(OptionalInt.empty(), gpt2.padId());
        assertEquals("Hello", gpt2.symbol(15496));
        assertEquals("\u0120world", gpt2.symbol(995), "a leading space is written as U+0120 in encoder.json");
        assertEquals("\u010a", gpt2.symbol(198), "newline");
        assertEquals("<|endoftext|>", gpt2.symbol(50256));
        assertEquals("[MASK]", gpt2.symbol(50257));
    }

    @Test
    void encodesAsGpt2sOwnEncoderDoes() {
        assertArrayEquals(new int[] {64, 1849, 65, 220, 269, 5099, 222, 67, 197, 197, 68, 628, 277},
                gpt2.encode("a\u00a0b  c\u3000d\t\te\n\n f"), "no-break space, ideographic space, tabs, blank line");
        assertArrayEquals(new int[] {66, 1878, 2634, 30325, 222, 220, 40792, 23877, 229, 2124, 447, 101, 88},
                gpt2.encode("caf\u00e9 \ud83d\ude00 \u4e2d\u6587 x\u2028y"), "accent, emoji, CJK, line separator");
        assertArrayEquals(new int[] {220, 3756, 290, 25462, 220, 220}, gpt2.encode("  leading and trailing  "));
        assertArrayEquals(new int[] {87, 201, 198, 88, 220, 126, 227, 89}, gpt2.encode("x\r\ny \u0085z"));
        assertArrayEquals(new int[] {9099, 470, 23917, 6, 51, 340, 338}, gpt2.encode("don't DON'T it's"));
        assertArrayEquals(new int[0], gpt2.encode(""));
    }

    @Test
    void roundTripsArbitraryUtf8() {
        for (String s : List.of("Hello world", "caf\u00e9 na\u00efve \u00c5ngstr\u00f6m", "e\u0301 (combining accent)",
                "\ud83d\ude00\ud83d\udc4d\ud83c\udffd \ud83d\udc68\u200d\ud83d\udc69\u200d\ud83d\udc67", "\u4e2d\u6587\u5b57 \u65e5\u672c\u8a9e \ud55c\uad6d\uc5b4",
                " \t\n\r\u00a0\u2028\u3000 mixed   whitespace \n\n\n", "\u0000\u0007\u001b[0m control", "\ufffd\ufeff\uffff",
                "\ud800\udc00 \udbff\udfff (supplementary edges)", "<|endoftext" + "|> in text", "[MASK]")) {
            assertEquals(s, gpt2.decode(gpt2.encode(s)), () -> "round trip of " + escaped(s));
        }
        SplittableRandom rng = new SplittableRandom(14);
        for (int trial = 0; trial < 200; trial++) {
            StringBuilder b = new StringBuilder();
            int n = 1 + rng.nextInt(40);
            for (int i = 0; i < n; i++) {
                int cp = switch (rng.nextInt(4)) {
                    case 0 -> 0x20 + rng.nextInt(0x5f);
                    case 1 -> rng.nextInt(0x800);
                    case 2 -> rng.nextInt(0x10000);
                    default -> 0x10000 + rng.nextInt(0x100000);
                };
                if (cp >= 0xD800 && cp <= 0xDFFF) {
                    cp = 'x';
                }
                b.appendCodePoint(cp);
            }
            String s = b.toString();
            assertEquals(s, gpt2.decode(gpt2.encode(s)), () -> "round trip of " + escaped(s));
        }
    }

    /**
     * A Java string may hold a lone surrogate, which has no UTF-8 form: it is encoded as U+FFFD
     * (tiktoken's choice; GPT-2's own encoder.py raises), so it decodes as U+FFFD.
     */
    @Test
    void loneSurrogatesEncodeAsTheReplacementCharacter() {
        assertArrayEquals(new int[] {64, 4210, 65}, gpt2.encode("a\ufffdb"));
        assertArrayEquals(new int[] {64, 4210, 65}, gpt2.encode("a\ud800b"), "lone high surrogate");
        assertArrayEquals(new int[] {64, 4210, 65}, gpt2.encode("a\udc00b"), "lone low surrogate");
        assertArrayEquals(gpt2.encode("x\ufffd"), gpt2.encode("x\ud83d"), "high surrogate at the end");
        assertArrayEquals(gpt2.encode("\ufffd\ud83d\ude00"), gpt2.encode("\ude00\ud83d\ude00"),
                "a pair after a lone low surrogate is kept");
        assertEquals("a\ufffdb", gpt2.decode(gpt2.encode("a\ud800b")));
    }

    /** Ids that cut a character decode to U+FFFD, as GPT-2's decoder does with errors='replace'. */
    @Test
    void aCharacterCutBetweenTokensDecodesToTheReplacementCharacter() {
        int[] emoji = gpt2.encode(" \ud83d\ude00");
        assertArrayEquals(new int[] {30325, 222}, emoji);
        assertEquals(" \ufffd", gpt2.decode(new int[] {30325}), "F0 9F 98 without its last byte: one U+FFFD");
        assertEquals("\ufffd", gpt2.decode(new int[] {222}), "a lone continuation byte");
        assertEquals("\ufffd\ufffd", gpt2.decode(new int[] {222, 222}));
    }

    @Test
    void endOfTextIsTheSpecialTokenAndTheMaskDecodesVisibly() {
        assertArrayEquals(new int[] {64, 50256, 65}, gpt2.encode("a<|endoftext|>b"));
        assertArrayEquals(new int[] {50256, 50256}, gpt2.encode("<|endoftext|><|endoftext|>"));
        assertArrayEquals(new int[] {27, 91, 437}, Arrays.copyOf(gpt2.encode("<|end"), 3), "a partial marker is text");
        assertEquals("Hello<|endoftext|>[MASK] world", gpt2.decode(new int[] {15496, 50256, 50257, 995}));
    }

    @Test
    void idsOutsideTheVocabularyAreRefusedByName() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> gpt2.decode(new int[] {15496, 50258}));
        assertTrue(e.getMessage().contains("id 50258 is not a gpt2 token; ids are 0..50257"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> gpt2.decode(new int[] {-1}));
        assertThrows(IllegalArgumentException.class, () -> gpt2.symbol(50258));
    }

    private static String escaped(String s) {
        StringBuilder b = new StringBuilder();
        s.chars().forEach(c -> b.append(c < 0x20 || c > 0x7e ? String.format("\\u%04x", c) : String.valueOf((char) c)));
        return b.toString();
    }
}
