package org.mdlm.domains.text.tokenize;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Ill-formed UTF-8 becomes U+FFFD as in Python's {@code bytes.decode('utf-8', 'replace')} (outputs taken from Python 3.11). */
class Utf8ReplacingTest {

    private static String decode(int... bytes) {
        byte[] b = new byte[bytes.length];
        for (int i = 0; i < b.length; i++) {
            b[i] = (byte) bytes[i];
        }
        return Utf8Replacing.decode(b, b.length);
    }

    @Test
    void wellFormedTextIsDecoded() {
        assertEquals("a\u00e9\u20ac\ud83d\ude00", decode(0x61, 0xC3, 0xA9, 0xE2, 0x82, 0xAC, 0xF0, 0x9F, 0x98, 0x80));
        assertEquals("", decode());
    }

    @Test
    void eachMaximalSubpartBecomesOneReplacementCharacter() {
        assertEquals("\ufffd", decode(0xF0, 0x9F, 0x98), "truncated 4-byte sequence");
        assertEquals("\ufffdA", decode(0xF0, 0x9F, 0x98, 0x41));
        assertEquals("\ufffd", decode(0xC3));
        assertEquals("\ufffdA\ufffd", decode(0xE2, 0x82, 0x41, 0x82));
        assertEquals("\ufffd\ufffd\ufffd", decode(0xED, 0xA0, 0x80), "an encoded surrogate (Java's String gives one U+FFFD)");
        assertEquals("\ufffd\ufffd", decode(0xC0, 0xAF), "overlong");
        assertEquals("\ufffd\ufffd\ufffd\ufffd", decode(0xF4, 0x90, 0x80, 0x80), "above U+10FFFF");
        assertEquals("\ufffd\ufffd", decode(0xFF, 0xFE));
        assertEquals("\ufffd\ufffd", decode(0xE0, 0x80), "E0 needs A0..BF next");
    }
}
