package org.mdlm.domains.text.tokenize;

/**
 * Decodes bytes as UTF-8, replacing every ill-formed sequence by U+FFFD the way Python's
 * {@code bytes.decode('utf-8', errors='replace')} does (package-private helper): one U+FFFD per
 * maximal subpart of an ill-formed sequence (Unicode 15, section 3.9, "U+FFFD Substitution of
 * Maximal Subparts"). GPT-2's decoder ends this way. Java's {@code new String(bytes, UTF_8)}
 * differs on some inputs (e.g. {@code ED A0 80}, an encoded surrogate: one U+FFFD there, three in
 * Python).
 */
final class Utf8Replacing {

    private static final char REPLACEMENT = '\uFFFD';

    private Utf8Replacing() {
    }

    static String decode(byte[] b, int length) {
        StringBuilder out = new StringBuilder(length);
        int i = 0;
        while (i < length) {
            int b0 = b[i] & 0xFF;
            if (b0 < 0x80) {
                out.append((char) b0);
                i++;
                continue;
            }
            int need;
            int lo = 0x80;
            int hi = 0xBF;
            int cp;
            if (b0 >= 0xC2 && b0 <= 0xDF) {
                need = 1;
                cp = b0 & 0x1F;
            } else if (b0 >= 0xE0 && b0 <= 0xEF) {
                need = 2;
                cp = b0 & 0x0F;
                if (b0 == 0xE0) {
                    lo = 0xA0;
                } else if (b0 == 0xED) {
                    hi = 0x9F;
                }
            } else if (b0 >= 0xF0 && b0 <= 0xF4) {
                need = 3;
                cp = b0 & 0x07;
                if (b0 == 0xF0) {
                    lo = 0x90;
                } else if (b0 == 0xF4) {
                    hi = 0x8F;
                }
            } else {
                out.append(REPLACEMENT);
                i++;
                continue;
            }
            int j = i + 1;
            boolean complete = true;
            for (int k = 0; k < need; k++, j++) {
                int bk = j < length ? b[j] & 0xFF : -1;
                if (bk < lo || bk > hi) {
                    complete = false;
                    break;
                }
                cp = (cp << 6) | (bk & 0x3F);
                lo = 0x80;
                hi = 0xBF;
            }
            if (complete) {
                out.appendCodePoint(cp);
            } else {
                out.append(REPLACEMENT);
            }
            i = j;
        }
        return out.toString();
    }
}
