package org.mdlm.domains.text.tokenize;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import org.mdlm.api.domain.Tokenizer;

/**
 * BERT's uncased WordPiece tokenizer with the real {@code bert-base-uncased} vocabulary (30,522 ids,
 * shipped as a resource with its Apache-2.0 notice): what HuggingFace's {@code BertTokenizer} does,
 * the tokenizer the MDLM reference uses for LM1B.
 *
 * <ol>
 *   <li>The special tokens {@code [PAD] [UNK] [CLS] [SEP] [MASK]} written literally in the text are
 *       those tokens (never split, never lower-cased).</li>
 *   <li>The basic tokenizer, on the rest: drops U+0000, U+FFFD and control and format characters
 *       (Unicode categories C*, except tab, newline and carriage return), turns every whitespace
 *       character (tab, newline, carriage return, Zs) into a space, puts spaces around CJK
 *       ideographs, composes (NFC), splits on whitespace, lower-cases each word, strips accents
 *       (NFD, then drops the non-spacing marks Mn: {@code "Héllo" -> "hello"}) and splits off every
 *       punctuation character (ASCII symbols and Unicode P*) as a word of its own.</li>
 *   <li>WordPiece, per word: the longest vocabulary entry that starts the word, then the longest
 *       {@code ##}-prefixed entry that continues it, and so on; a word that cannot be covered this
 *       way, or of more than 100 code points, is one {@code [UNK]}.</li>
 *   <li>The ids are wrapped as {@code [CLS] ... [SEP]}.</li>
 * </ol>
 *
 * <p>{@code [CLS]} (101) and {@code [SEP]} (102) are this vocabulary's {@link #bosId()} and
 * {@link #eosId()}, as the reference sets them; {@code [MASK]} is 103, {@code [PAD]} 0 and
 * {@code [UNK]} 100. Decoding is HuggingFace's: tokens joined by spaces, {@code ##} pieces glued to
 * the one before, {@code [CLS]}, {@code [SEP]} and {@code [PAD]} left out, and the spaces it puts
 * before {@code . , ? !} and English contractions ({@code n't 's 're 've 'm}) taken out
 * ({@code clean_up_tokenization_spaces}).
 *
 * <p>Character classes are Java's: Java 17 knows Unicode 13, so a character assigned later (e.g.
 * U+2E57, Unicode 14) counts as unassigned here and is dropped, where a Python with newer Unicode
 * tables keeps it (as {@code [UNK]}, or a punctuation split). When this class was written, its ids
 * equalled those of a Python port of HuggingFace's {@code BertTokenizer} on 534 webtext-standin
 * documents (1.17M tokens); the unit tests hold cases computed with that port.
 */
public final class BertTokenizer implements Tokenizer {

    /** The short name. */
    public static final String NAME = "bert-base-uncased";
    /** The number of entries of the vocabulary. */
    public static final int SIZE = 30522;
    /** {@code [PAD]}. */
    public static final int PAD_ID = 0;
    /** {@code [UNK]}. */
    public static final int UNK_ID = 100;
    /** {@code [CLS]}, the first token of every encoding. */
    public static final int CLS_ID = 101;
    /** {@code [SEP]}, the last token of every encoding. */
    public static final int SEP_ID = 102;
    /** {@code [MASK]}. */
    public static final int MASK_ID = 103;
    /** Words of more code points than this become {@code [UNK]}. */
    public static final int MAX_WORD_CODE_POINTS = 100;
    /** The resource holding the vocabulary, one entry per line, relative to this class. */
    static final String VOCAB_RESOURCE = "bert-base-uncased/vocab.txt";

    private static final String CONTINUATION = "##";
    private static final List<String> SPECIAL = List.of("[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]");

    /** The vocabulary, read from the resource on first use and shared: it is immutable. */
    private static final class Vocab {
        static final String[] TOKENS = read();
        static final Map<String, Integer> IDS = index(TOKENS);
    }

    /** Creates the tokenizer; its vocabulary is read on the first use. */
    public BertTokenizer() {
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public int baseSize() {
        return SIZE;
    }

    /** {@inheritDoc} 30,522: the mask is in the vocabulary. */
    @Override
    public int size() {
        return SIZE;
    }

    @Override
    public int maskId() {
        return MASK_ID;
    }

    /** {@inheritDoc} {@code [PAD]}, 0. */
    @Override
    public OptionalInt padId() {
        return OptionalInt.of(PAD_ID);
    }

    /** {@inheritDoc} {@code [CLS]}, 101. */
    @Override
    public OptionalInt bosId() {
        return OptionalInt.of(CLS_ID);
    }

    /** {@inheritDoc} {@code [SEP]}, 102. */
    @Override
    public OptionalInt eosId() {
        return OptionalInt.of(SEP_ID);
    }

    /** {@inheritDoc} The vocabulary entry, e.g. {@code "world"}, {@code "##ing"}, {@code "[MASK]"}. */
    @Override
    public String symbol(int id) {
        check(id);
        return Vocab.TOKENS[id];
    }

    @Override
    public int[] encode(String text) {
        List<Integer> ids = new ArrayList<>();
        ids.add(CLS_ID);
        int start = 0;
        while (start < text.length()) {
            int at = -1;
            String special = null;
            for (String s : SPECIAL) {
                int i = text.indexOf(s, start);
                if (i >= 0 && (at < 0 || i < at)) {
                    at = i;
                    special = s;
                }
            }
            if (at < 0) {
                break;
            }
            wordPieces(text.substring(start, at), ids);
            ids.add(Vocab.IDS.get(special));
            start = at + special.length();
        }
        wordPieces(start == 0 ? text : text.substring(start), ids);
        ids.add(SEP_ID);
        int[] out = new int[ids.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = ids.get(i);
        }
        return out;
    }

    private static void wordPieces(String text, List<Integer> out) {
        for (String word : basicTokens(text)) {
            wordPiece(word, out);
        }
    }

    /** The basic tokenizer: the words WordPiece then cuts (step 2 of the class comment). */
    static List<String> basicTokens(String text) {
        StringBuilder clean = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            i += Character.charCount(cp);
            if (cp == 0 || cp == 0xFFFD || isControl(cp)) {
                continue;
            }
            if (isWhitespace(cp)) {
                clean.append(' ');
            } else if (isCjk(cp)) {
                clean.append(' ').appendCodePoint(cp).append(' ');
            } else {
                clean.appendCodePoint(cp);
            }
        }
        String composed = Normalizer.normalize(clean, Normalizer.Form.NFC);
        List<String> words = new ArrayList<>();
        for (String token : splitOnWhitespace(composed)) {
            splitOnPunctuation(stripAccents(token.toLowerCase(java.util.Locale.ROOT)), words);
        }
        return words;
    }

    /** Python's {@code str.split()} after cleaning: spaces, and the line and paragraph separators. */
    private static List<String> splitOnWhitespace(String s) {
        List<String> out = new ArrayList<>();
        int start = -1;
        for (int i = 0; i <= s.length(); i++) {
            boolean space = i == s.length() || s.charAt(i) == ' ' || s.charAt(i) == '\u2028' || s.charAt(i) == '\u2029';
            if (space) {
                if (start >= 0) {
                    out.add(s.substring(start, i));
                    start = -1;
                }
            } else if (start < 0) {
                start = i;
            }
        }
        return out;
    }

    private static String stripAccents(String word) {
        String nfd = Normalizer.normalize(word, Normalizer.Form.NFD);
        StringBuilder b = new StringBuilder(nfd.length());
        for (int i = 0; i < nfd.length(); ) {
            int cp = nfd.codePointAt(i);
            i += Character.charCount(cp);
            if (Character.getType(cp) != Character.NON_SPACING_MARK) {
                b.appendCodePoint(cp);
            }
        }
        return b.toString();
    }

    private static void splitOnPunctuation(String word, List<String> out) {
        int start = 0;
        for (int i = 0; i < word.length(); ) {
            int cp = word.codePointAt(i);
            int next = i + Character.charCount(cp);
            if (isPunctuation(cp)) {
                if (i > start) {
                    out.add(word.substring(start, i));
                }
                out.add(word.substring(i, next));
                start = next;
            }
            i = next;
        }
        if (start < word.length()) {
            out.add(word.substring(start));
        }
    }

    /** Greedy longest-match-first WordPiece of one word (step 3 of the class comment). */
    private static void wordPiece(String word, List<Integer> out) {
        int[] cps = word.codePoints().toArray();
        if (cps.length > MAX_WORD_CODE_POINTS) {
            out.add(UNK_ID);
            return;
        }
        List<Integer> pieces = new ArrayList<>();
        int start = 0;
        while (start < cps.length) {
            Integer found = null;
            int end = cps.length;
            for (; end > start; end--) {
                String piece = new String(cps, start, end - start);
                found = Vocab.IDS.get(start > 0 ? CONTINUATION + piece : piece);
                if (found != null) {
                    break;
                }
            }
            if (found == null) {
                out.add(UNK_ID);
                return;
            }
            pieces.add(found);
            start = end;
        }
        out.addAll(pieces);
    }

    @Override
    public String decode(int[] ids) {
        StringBuilder joined = new StringBuilder(ids.length * 6);
        for (int id : ids) {
            check(id);
            if (id == CLS_ID || id == SEP_ID || id == PAD_ID) {
                continue;
            }
            String token = Vocab.TOKENS[id];
            if (token.startsWith(CONTINUATION) && joined.length() > 0) {
                joined.append(token, CONTINUATION.length(), token.length());
            } else {
                if (joined.length() > 0) {
                    joined.append(' ');
                }
                joined.append(token);
            }
        }
        return cleanUpSpaces(joined.toString());
    }

    /** HuggingFace's {@code clean_up_tokenization}: no space before . ? ! , and English contractions. */
    private static String cleanUpSpaces(String s) {
        return s.replace(" .", ".").replace(" ?", "?").replace(" !", "!").replace(" ,", ",")
                .replace(" ' ", "'").replace(" n't", "n't").replace(" 'm", "'m").replace(" 's", "'s")
                .replace(" 've", "'ve").replace(" 're", "'re");
    }

    private void check(int id) {
        if (id < 0 || id >= SIZE) {
            throw new IllegalArgumentException("id " + id + " is not a " + NAME + " token; ids are 0.." + (SIZE - 1)
                    + " ([PAD] 0, [UNK] 100, [CLS] 101, [SEP] 102, [MASK] 103)");
        }
    }

    /** Tab, newline, carriage return and the space separators (Zs). */
    private static boolean isWhitespace(int cp) {
        return cp == ' ' || cp == '\t' || cp == '\n' || cp == '\r' || Character.getType(cp) == Character.SPACE_SEPARATOR;
    }

    /** Categories Cc, Cf, Cn, Co, Cs, except tab, newline and carriage return (whitespace). */
    private static boolean isControl(int cp) {
        if (cp == '\t' || cp == '\n' || cp == '\r') {
            return false;
        }
        int t = Character.getType(cp);
        return t == Character.CONTROL || t == Character.FORMAT || t == Character.UNASSIGNED
                || t == Character.PRIVATE_USE || t == Character.SURROGATE;
    }

    /** ASCII symbols (!"#$%&'()*+,-./ :;<=>?@ [\]^_` {|}~) and every Unicode punctuation category P*. */
    private static boolean isPunctuation(int cp) {
        if ((cp >= 33 && cp <= 47) || (cp >= 58 && cp <= 64) || (cp >= 91 && cp <= 96) || (cp >= 123 && cp <= 126)) {
            return true;
        }
        int t = Character.getType(cp);
        return t == Character.CONNECTOR_PUNCTUATION || t == Character.DASH_PUNCTUATION
                || t == Character.START_PUNCTUATION || t == Character.END_PUNCTUATION
                || t == Character.INITIAL_QUOTE_PUNCTUATION || t == Character.FINAL_QUOTE_PUNCTUATION
                || t == Character.OTHER_PUNCTUATION;
    }

    /** The CJK Unified Ideographs blocks BERT treats as words of their own. */
    private static boolean isCjk(int cp) {
        return (cp >= 0x4E00 && cp <= 0x9FFF) || (cp >= 0x3400 && cp <= 0x4DBF) || (cp >= 0x20000 && cp <= 0x2A6DF)
                || (cp >= 0x2A700 && cp <= 0x2B73F) || (cp >= 0x2B740 && cp <= 0x2B81F)
                || (cp >= 0x2B820 && cp <= 0x2CEAF) || (cp >= 0xF900 && cp <= 0xFAFF)
                || (cp >= 0x2F800 && cp <= 0x2FA1F);
    }

    private static String[] read() {
        List<String> tokens = new ArrayList<>(SIZE);
        try (InputStream in = BertTokenizer.class.getResourceAsStream(VOCAB_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("the " + NAME + " vocabulary resource " + VOCAB_RESOURCE
                        + " is missing from the mdlm-domains-text jar; rebuild it");
            }
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                tokens.add(line);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not read the " + NAME + " vocabulary resource " + VOCAB_RESOURCE, e);
        }
        if (tokens.size() != SIZE) {
            throw new IllegalStateException("the " + NAME + " vocabulary resource " + VOCAB_RESOURCE + " has "
                    + tokens.size() + " entries, not " + SIZE + "; rebuild the jar");
        }
        return tokens.toArray(new String[0]);
    }

    private static Map<String, Integer> index(String[] tokens) {
        Map<String, Integer> ids = new HashMap<>(tokens.length * 2);
        for (int i = 0; i < tokens.length; i++) {
            ids.put(tokens[i], i);
        }
        return ids;
    }
}
