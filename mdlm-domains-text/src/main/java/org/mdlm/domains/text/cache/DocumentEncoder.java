package org.mdlm.domains.text.cache;

import java.util.Objects;
import java.util.OptionalInt;
import java.util.function.LongConsumer;
import org.mdlm.api.domain.Tokenizer;

/**
 * Encodes documents into a {@link TokenSink} as the {@code text} domain joins them (its one
 * definition, used by the local token cache and by the Spark tokenization job alike).
 *
 * <p>Continuous stream ({@code rowLength} 0): each non-empty document's ids, then the tokenizer's
 * end-of-sequence id unless the stream already ends with it (BERT's own {@code [SEP]} is not
 * doubled); a tokenizer without one joins documents with nothing between. Because every document
 * leaves the stream ending with that id, the rule depends on the document alone, so documents can be
 * encoded into separate sinks and the sinks concatenated with the same result.
 *
 * <p>Padded rows ({@code rowLength > 0}): each non-empty document is one row of exactly
 * {@code rowLength} ids, cut or filled with the pad id (a cut keeps a final end-of-sequence id).
 */
public final class DocumentEncoder {

    private final Tokenizer tokenizer;
    private final OptionalInt eos;
    private final TokenSink out;
    private final int rowLength;
    private final LongConsumer progress;

    /**
     * @param tokenizer the tokenizer
     * @param out where the ids go
     * @param rowLength padded row length, or 0 for a continuous stream
     * @param progress told the sink's size after each document or piece (e.g. a progress line)
     * @throws IllegalArgumentException when {@code rowLength} is negative, or positive for a tokenizer without a pad id
     */
    public DocumentEncoder(Tokenizer tokenizer, TokenSink out, int rowLength, LongConsumer progress) {
        this.tokenizer = Objects.requireNonNull(tokenizer, "tokenizer");
        this.out = Objects.requireNonNull(out, "out");
        this.progress = Objects.requireNonNull(progress, "progress");
        if (rowLength < 0) {
            throw new IllegalArgumentException("rowLength: " + rowLength + " is negative; 0 joins documents in one stream");
        }
        if (rowLength > 0 && tokenizer.padId().isEmpty()) {
            throw new IllegalArgumentException("padded rows need the tokenizer's pad id, but " + tokenizer.name()
                    + " has none; join documents instead (row length 0), or use a tokenizer with a pad (bert-base-uncased)");
        }
        this.rowLength = rowLength;
        this.eos = tokenizer.eosId();
    }

    /** An encoder without progress reports. */
    public DocumentEncoder(Tokenizer tokenizer, TokenSink out, int rowLength) {
        this(tokenizer, out, rowLength, size -> { });
    }

    /** Encodes one document; an empty one adds nothing. */
    public void document(String text) {
        if (text.isEmpty()) {
            return;
        }
        if (rowLength > 0) {
            out.addAll(PaddedRow.of(tokenizer.encode(text), rowLength, tokenizer.padId().getAsInt(), eos));
            progress.accept(out.size());
            return;
        }
        piece(text);
        end();
    }

    /** Encodes a part of a running text (continuous stream only): its ids, no marker after them. */
    public void piece(String text) {
        if (!text.isEmpty()) {
            out.addAll(tokenizer.encode(text));
            progress.accept(out.size());
        }
    }

    /** Ends the current document of a running text with the end-of-sequence id, unless the stream ends with it. */
    public void end() {
        if (eos.isPresent() && out.size() > 0 && out.last() != eos.getAsInt()) {
            out.add(eos.getAsInt());
        }
    }
}
