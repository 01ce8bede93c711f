package org.mdlm.domains.text;

import java.text.Normalizer;
import java.util.Map;

/**
 * Normalises arbitrary text to the text8 alphabet ({@code a}-{@code z} and single spaces), the
 * way text8 was made from Wikipedia:
 *
 * <ul>
 *   <li>letters are lower-cased (Unicode-aware) and stripped of accents: each non-ASCII character
 *       is lower-cased, a few letters without a decomposition are folded ({@code ß->ss},
 *       {@code æ->ae}, {@code œ->oe}, {@code ø->o}, {@code đ,ð->d}, {@code þ->th}, {@code ł->l},
 *       {@code ı->i}, {@code ħ->h}), then it is decomposed with {@link Normalizer.Form#NFKD}
 *       (so {@code é->e}, the ligature {@code ﬁ->fi} and full-width letters map too) and combining
 *       marks are dropped;</li>
 *   <li>each decimal digit is spelled out as its own word ({@code "1851" -> "one eight five one"});</li>
 *   <li>every other run of characters (punctuation, whitespace, symbols, other scripts) becomes a
 *       single space, so {@code "don't"} becomes {@code "don t"};</li>
 *   <li>spaces are collapsed and the result is trimmed.</li>
 * </ul>
 *
 * <p>An instance is a streaming normaliser: feed it text in chunks with {@link #append}, mark
 * document boundaries with {@link #boundary()}, and take the token ids
 * ({@link CharVocabulary} numbering) with {@link #toIds()}. Instances are not thread-safe.
 */
public final class TextNormalizer {

    private static final String[] DIGIT_WORDS =
            {"zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"};
    private static final Map<Integer, String> FOLDS = Map.ofEntries(
            Map.entry((int) 'ß', "ss"), Map.entry((int) 'æ', "ae"), Map.entry((int) 'œ', "oe"),
            Map.entry((int) 'ø', "o"), Map.entry((int) 'đ', "d"), Map.entry((int) 'ð', "d"),
            Map.entry((int) 'þ', "th"), Map.entry((int) 'ł', "l"), Map.entry((int) 'ı', "i"),
            Map.entry((int) 'ħ', "h"));

    private final ByteSink out;
    private boolean pendingSpace;
    private char pendingHigh;

    /** Creates an empty normaliser. */
    public TextNormalizer() {
        this(1 << 12);
    }

    /** Creates an empty normaliser whose output buffer starts at {@code expectedLength} ids. */
    public TextNormalizer(int expectedLength) {
        out = new ByteSink(expectedLength);
    }

    /** Normalises {@code text} in one go, e.g. {@code "Café No. 5!" -> "cafe no five"}. */
    public static String normalize(CharSequence text) {
        byte[] ids = normalizeToIds(text);
        char[] chars = new char[ids.length];
        for (int i = 0; i < ids.length; i++) {
            chars[i] = ids[i] == CharVocabulary.SPACE_ID ? ' ' : (char) ('a' + ids[i]);
        }
        return new String(chars);
    }

    /** Normalises {@code text} in one go and returns its ids ({@link CharVocabulary} numbering). */
    public static byte[] normalizeToIds(CharSequence text) {
        return new TextNormalizer(text.length() + 16).append(text).toIds();
    }

    /** Feeds more text; a chunk may end in the middle of a surrogate pair. */
    public TextNormalizer append(CharSequence text) {
        for (int i = 0, n = text.length(); i < n; i++) {
            accept(text.charAt(i));
        }
        return this;
    }

    /** Feeds {@code len} characters of {@code buf} from {@code off}. */
    public TextNormalizer append(char[] buf, int off, int len) {
        for (int i = off, end = off + len; i < end; i++) {
            char c = buf[i];
            if (c >= 'a' && c <= 'z' && pendingHigh == 0) {
                letter(c - 'a');
            } else if (c == ' ' && pendingHigh == 0) {
                pendingSpace = true;
            } else {
                accept(c);
            }
        }
        return this;
    }

    /** Marks a word boundary (e.g. between two documents): at most one space, never leading. */
    public TextNormalizer boundary() {
        dropPendingHigh();
        pendingSpace = true;
        return this;
    }

    /** The number of ids produced so far (a pending trailing space is not counted). */
    public int length() {
        return out.size();
    }

    /** The ids produced so far, trimmed (no trailing space). */
    public byte[] toIds() {
        dropPendingHigh();
        return out.toArray();
    }

    private void accept(char c) {
        if (pendingHigh != 0) {
            char high = pendingHigh;
            pendingHigh = 0;
            if (Character.isLowSurrogate(c)) {
                codePoint(Character.toCodePoint(high, c));
                return;
            }
            pendingSpace = true;
        }
        if (c >= 'a' && c <= 'z') {
            letter(c - 'a');
        } else if (c >= 'A' && c <= 'Z') {
            letter(c - 'A');
        } else if (c >= '0' && c <= '9') {
            digit(c - '0');
        } else if (c < 0x80) {
            pendingSpace = true;
        } else if (Character.isHighSurrogate(c)) {
            pendingHigh = c;
        } else {
            codePoint(c);
        }
    }

    private void dropPendingHigh() {
        if (pendingHigh != 0) {
            pendingHigh = 0;
            pendingSpace = true;
        }
    }

    private void codePoint(int cp) {
        if (isMark(cp)) {
            return;
        }
        if (Character.getType(cp) == Character.DECIMAL_DIGIT_NUMBER) {
            digit(Character.digit(cp, 10));
            return;
        }
        int lower = Character.toLowerCase(cp);
        String fold = FOLDS.get(lower);
        String decomposed = fold != null ? fold : Normalizer.normalize(Character.toString(lower), Normalizer.Form.NFKD);
        for (int i = 0; i < decomposed.length(); ) {
            int d = decomposed.codePointAt(i);
            i += Character.charCount(d);
            int dl = Character.toLowerCase(d);
            if (dl >= 'a' && dl <= 'z') {
                letter(dl - 'a');
            } else if (Character.getType(d) == Character.DECIMAL_DIGIT_NUMBER) {
                digit(Character.digit(d, 10));
            } else if (!isMark(d)) {
                pendingSpace = true;
            }
        }
    }

    private static boolean isMark(int cp) {
        int type = Character.getType(cp);
        return type == Character.NON_SPACING_MARK || type == Character.ENCLOSING_MARK
                || type == Character.COMBINING_SPACING_MARK;
    }

    private void digit(int value) {
        pendingSpace = true;
        String word = DIGIT_WORDS[value];
        for (int i = 0; i < word.length(); i++) {
            letter(word.charAt(i) - 'a');
        }
        pendingSpace = true;
    }

    private void letter(int id) {
        if (pendingSpace) {
            if (out.size() > 0) {
                out.add(CharVocabulary.SPACE_ID);
            }
            pendingSpace = false;
        }
        out.add(id);
    }
}
