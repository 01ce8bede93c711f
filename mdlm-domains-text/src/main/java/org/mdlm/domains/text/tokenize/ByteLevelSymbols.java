package org.mdlm.domains.text.tokenize;

/**
 * GPT-2's byte-to-unicode map (package-private helper): each of the 256 byte values is one
 * printable character, so that a byte-level token can be written as text. Printable Latin-1 bytes
 * ({@code !}..{@code ~}, {@code ¡}..{@code ¬}, {@code ®}..{@code ÿ}) stand for themselves; the
 * other 68 bytes, in increasing order, are U+0100, U+0101, ... (so space 0x20 is {@code Ġ}
 * U+0120 and newline 0x0A is {@code Ċ} U+010A). This is how {@code encoder.json} spells tokens.
 */
final class ByteLevelSymbols {

    private static final char[] CHAR_OF_BYTE = new char[256];

    static {
        int next = 0;
        for (int b = 0; b < 256; b++) {
            boolean printable = (b >= '!' && b <= '~') || (b >= 0xA1 && b <= 0xAC) || (b >= 0xAE && b <= 0xFF);
            CHAR_OF_BYTE[b] = printable ? (char) b : (char) (256 + next++);
        }
    }

    private ByteLevelSymbols() {
    }

    /** The bytes written with one character each. */
    static String of(byte[] bytes) {
        char[] out = new char[bytes.length];
        for (int i = 0; i < bytes.length; i++) {
            out[i] = CHAR_OF_BYTE[bytes[i] & 0xFF];
        }
        return new String(out);
    }
}
