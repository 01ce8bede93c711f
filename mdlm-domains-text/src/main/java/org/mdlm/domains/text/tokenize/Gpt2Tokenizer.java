package org.mdlm.domains.text.tokenize;

import com.knuddels.jtokkit.Encodings;
import com.knuddels.jtokkit.api.Encoding;
import com.knuddels.jtokkit.api.EncodingType;
import com.knuddels.jtokkit.api.IntArrayList;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.OptionalInt;
import org.mdlm.api.domain.Tokenizer;

/**
 * GPT-2's byte-level BPE with its real vocabulary: 50,257 ids, of which 50,256 is
 * {@code <|endoftext|>} (BOS and EOS, as in the MDLM reference), and the mask one id past them
 * (50,257; 50,258 ids in all). Encoding is JTokkit's {@code r50k_base}, which is GPT-2's
 * vocabulary, merges and pre-tokenizing pattern (checked against GPT-2's {@code encoder.json} and
 * {@code vocab.bpe} by the tests).
 *
 * <p>Text is encoded as GPT-2 encodes it, with two choices made explicit:
 * <ul>
 *   <li>the literal text {@code <|endoftext|>} becomes id 50,256, as in HuggingFace's tokenizer (the
 *       MDLM reference's); every other character sequence is ordinary text;</li>
 *   <li>a lone UTF-16 surrogate (a Java string may hold one; text decoded from UTF-8 never does) is
 *       encoded as U+FFFD, as tiktoken does; GPT-2's own {@code encoder.py} would fail on it.</li>
 * </ul>
 * Decoding concatenates the tokens' bytes and reads them as UTF-8, replacing ill-formed sequences
 * (a sequence cut inside a character) by U+FFFD as GPT-2's decoder does with
 * {@code errors='replace'}; the mask decodes as {@code [MASK]}.
 *
 * <p>There is no padding id. The reference adds a {@code [PAD]} token to HuggingFace's GPT-2
 * tokenizer, which gets id 50,257, the id its model also uses for the mask (HuggingFace's
 * {@code vocab_size} leaves added tokens out); its GPT-2 corpora are wrapped into full rows and
 * never padded. A padded GPT-2 domain would need a pad id of its own past the mask.
 */
public final class Gpt2Tokenizer implements Tokenizer {

    /** The short name. */
    public static final String NAME = "gpt2";
    /** GPT-2's own ids: 50,257. */
    public static final int BASE_SIZE = 50257;
    /** {@code <|endoftext|>}: GPT-2's only special token, used as BOS and EOS. */
    public static final int END_OF_TEXT_ID = 50256;
    /** The mask, one id past GPT-2's vocabulary. */
    public static final int MASK_ID = BASE_SIZE;
    /** How {@link #END_OF_TEXT_ID} is written. */
    public static final String END_OF_TEXT = "<|endoftext|>";
    /** How the mask decodes. */
    public static final String MASK_TEXT = "[MASK]";

    private static final byte[] END_OF_TEXT_BYTES = END_OF_TEXT.getBytes(StandardCharsets.UTF_8);
    private static final byte[] MASK_BYTES = MASK_TEXT.getBytes(StandardCharsets.UTF_8);

    /** The r50k_base encoding, loaded on first use (about 0.3 s) and shared: it is immutable. */
    private static final class R50k {
        static final Encoding ENCODING = Encodings.newLazyEncodingRegistry().getEncoding(EncodingType.R50K_BASE);
    }

    /** Creates the tokenizer; its vocabulary is loaded on the first encode or decode. */
    public Gpt2Tokenizer() {
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public int baseSize() {
        return BASE_SIZE;
    }

    /** {@inheritDoc} 50,258: GPT-2's ids and the mask. */
    @Override
    public int size() {
        return BASE_SIZE + 1;
    }

    @Override
    public int maskId() {
        return MASK_ID;
    }

    /** {@inheritDoc} {@code <|endoftext|>}. */
    @Override
    public OptionalInt bosId() {
        return OptionalInt.of(END_OF_TEXT_ID);
    }

    /** {@inheritDoc} {@code <|endoftext|>}. */
    @Override
    public OptionalInt eosId() {
        return OptionalInt.of(END_OF_TEXT_ID);
    }

    /**
     * {@inheritDoc} GPT-2's printable form of a token, as in its {@code encoder.json}: each byte
     * written as one character of GPT-2's byte-to-unicode map (a leading space is {@code Ġ}, a
     * newline {@code Ċ}); {@code <|endoftext|>} and {@code [MASK]} as such.
     */
    @Override
    public String symbol(int id) {
        check(id);
        if (id == END_OF_TEXT_ID) {
            return END_OF_TEXT;
        }
        if (id == MASK_ID) {
            return MASK_TEXT;
        }
        IntArrayList one = new IntArrayList(1);
        one.add(id);
        return ByteLevelSymbols.of(R50k.ENCODING.decodeBytes(one));
    }

    @Override
    public int[] encode(String text) {
        String clean = withoutLoneSurrogates(text);
        IntArrayList out = new IntArrayList(Math.max(8, clean.length() / 3));
        int start = 0;
        for (int at = clean.indexOf(END_OF_TEXT); at >= 0; at = clean.indexOf(END_OF_TEXT, start)) {
            append(out, clean.substring(start, at));
            out.add(END_OF_TEXT_ID);
            start = at + END_OF_TEXT.length();
        }
        append(out, start == 0 ? clean : clean.substring(start));
        return out.toArray();
    }

    private static void append(IntArrayList out, String piece) {
        if (piece.isEmpty()) {
            return;
        }
        IntArrayList ids = R50k.ENCODING.encodeOrdinary(piece);
        for (int i = 0, n = ids.size(); i < n; i++) {
            out.add(ids.get(i));
        }
    }

    @Override
    public String decode(int[] ids) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(ids.length * 4);
        IntArrayList run = new IntArrayList(ids.length);
        for (int id : ids) {
            check(id);
            if (id < END_OF_TEXT_ID) {
                run.add(id);
                continue;
            }
            flush(run, bytes);
            bytes.writeBytes(id == MASK_ID ? MASK_BYTES : END_OF_TEXT_BYTES);
        }
        flush(run, bytes);
        byte[] all = bytes.toByteArray();
        return Utf8Replacing.decode(all, all.length);
    }

    private static void flush(IntArrayList run, ByteArrayOutputStream bytes) {
        if (!run.isEmpty()) {
            bytes.writeBytes(R50k.ENCODING.decodeBytes(run));
            run.clear();
        }
    }

    private void check(int id) {
        if (id < 0 || id >= size()) {
            throw new IllegalArgumentException("id " + id + " is not a gpt2 token; ids are 0.." + (size() - 1)
                    + " (" + END_OF_TEXT_ID + " is " + END_OF_TEXT + ", " + MASK_ID + " the mask)");
        }
    }

    /** {@code text} with every unpaired surrogate replaced by U+FFFD (the same string when there is none). */
    static String withoutLoneSurrogates(String text) {
        StringBuilder b = null;
        for (int i = 0, n = text.length(); i < n; i++) {
            char c = text.charAt(i);
            if (!Character.isSurrogate(c)) {
                continue;
            }
            if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
                continue;
            }
            if (b == null) {
                b = new StringBuilder(text);
            }
            b.setCharAt(i, '\uFFFD');
        }
        return b == null ? text : b.toString();
    }
}
