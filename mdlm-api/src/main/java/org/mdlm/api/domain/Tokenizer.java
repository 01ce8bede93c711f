package org.mdlm.api.domain;

/**
 * Turns text into token ids of a fixed vocabulary and back (GPT-2's byte-level BPE, BERT's
 * WordPiece, a character alphabet), found by short name like every plugin
 * ({@link TokenizerProvider}, extension point {@code tokenizer}).
 *
 * <p>A tokenizer is the {@link Vocabulary} its ids belong to, mask included: {@link #size()} counts
 * every id a model sees. The tokenizer's own ids are 0..{@link #baseSize()}-1; a tokenizer without a
 * mask token of its own gets one more id past them ({@code maskId() == baseSize()}, {@code size() ==
 * baseSize() + 1}), as the MDLM reference does for GPT-2. A tokenizer whose vocabulary holds a mask
 * (BERT's {@code [MASK]}) has {@code size() == baseSize()}. BERT's {@code [CLS]} and {@code [SEP]}
 * are its {@link #bosId()} and {@link #eosId()}, as in the reference.
 *
 * <p>Implementations are immutable and safe to share between threads.
 */
public interface Tokenizer extends Vocabulary {

    /** The short name it is found by, e.g. {@code "gpt2"}. */
    String name();

    /** The number of ids the tokenizer itself defines, without a mask id appended past them. */
    int baseSize();

    /**
     * The ids of {@code text}, with the special tokens the tokenizer always adds (BERT's
     * {@code [CLS]} ... {@code [SEP]}; none for GPT-2, whose end-of-text token a corpus reader puts
     * at document seams).
     */
    int[] encode(String text);

    /**
     * Readable text of {@code ids}: the inverse of {@link #encode} as far as the tokenizer allows
     * (BERT's lower-casing and accent stripping are not undone; sequence markers and padding are
     * left out where the tokenizer's own decoder leaves them out).
     *
     * @throws IllegalArgumentException for an id outside 0..{@link #size()}-1
     */
    String decode(int[] ids);
}
