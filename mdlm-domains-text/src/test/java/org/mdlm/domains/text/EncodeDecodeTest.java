package org.mdlm.domains.text;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class EncodeDecodeTest {

    private final Text8Domain d = new Text8Domain(Text8Config.defaults());

    @Test
    void encodeNormalisesThenMaps() {
        assertArrayEquals(new int[] {7, 8, 26, 0, 11, 11}, d.encode("Hi, ALL!"));
        assertArrayEquals(new int[] {19, 22, 14}, d.encode("2"));
        assertArrayEquals(new int[0], d.encode("..."));
    }

    @Test
    void decodeRoundTripsNormalisedText() {
        String raw = "Call me Ishmael. Some years ago — never mind how long precisely (1851)";
        assertEquals(TextNormalizer.normalize(raw), d.decode(d.encode(raw)));
        assertEquals("call me ishmael some years ago never mind how long precisely one eight five one",
                d.decode(d.encode(raw)));
    }

    @Test
    void maskDecodesAsUnderscoreAndBadIdsFail() {
        assertEquals("a_ z", d.decode(new int[] {0, 27, 26, 25}));
        assertThrows(IllegalArgumentException.class, () -> d.decode(new int[] {28}));
        assertThrows(IllegalArgumentException.class, () -> d.decode(new int[] {-1}));
    }

    @Test
    void domainFacts() {
        assertTrue(d.characterLevel());
        assertEquals(28, d.vocabulary().size());
        assertEquals(27, d.vocabulary().maskId());
        assertSame(Text8Config.defaults().getClass(), d.config().getClass());
    }

    @Test
    void configRejectsBlankDataButAcceptsNullAndEmpty() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new Text8Config("   "));
        assertTrue(e.getMessage().startsWith("data:"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new Text8Config("bad\0path"));
        assertTrue(new Text8Config(null).usesEmbeddedCorpus());
        assertTrue(new Text8Config("").usesEmbeddedCorpus());
        assertFalse(new Text8Config("some/dir").usesEmbeddedCorpus());
    }
}
