package org.mdlm.spark.tokenize;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.mdlm.api.domain.Tokenizer;
import org.mdlm.domains.text.JsonLineDocument;
import org.mdlm.domains.text.cache.DocumentEncoder;
import org.mdlm.domains.text.cache.ShardWriter;

/**
 * Encodes one run of consecutive rows (of one byte range of one file) into one part file, on an
 * executor: each record decoded strictly as UTF-8, a JSON line read by the text domain's own rule,
 * the document joined by its {@link DocumentEncoder} into a {@link ShardWriter} of unbounded shard
 * size (so the part is one file of the shards' layout). After the first bad record the rest are
 * only counted: the driver reports the first problem of the corpus with its line number.
 */
final class PartWriter {

    private final PartReport start;
    private final CorpusKind kind;
    private final String column;
    private final ShardWriter ids;
    private final DocumentEncoder encoder;
    private final Path file;
    private final CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
    private long rows;
    private long documents;
    private long problemRow = -1;
    private String problem;

    /**
     * @param dir the folder of the part files
     * @param stem the part file's unique stem
     * @param start the run's identity (key, range start, partition, sequence); its counts are ignored
     */
    PartWriter(Path dir, String stem, PartReport start, CorpusKind kind, String column, Tokenizer tokenizer,
               int rowLength, boolean wide) {
        this.start = start;
        this.kind = kind;
        this.column = column;
        this.ids = new ShardWriter(dir, stem, wide, Long.MAX_VALUE);
        this.encoder = new DocumentEncoder(tokenizer, ids, rowLength);
        this.file = dir.resolve(ShardWriter.shardName(stem, 0, wide)).toAbsolutePath();
    }

    /** Encodes the record {@code bytes} (null: a null Parquet value). */
    void add(byte[] bytes) {
        long row = rows++;
        if (problem != null) {
            return;
        }
        if (bytes == null) {
            fail(row, "has no " + column + " (null); every row needs a string (empty ones are skipped)");
            return;
        }
        String text;
        ByteBuffer in = ByteBuffer.wrap(bytes);
        try {
            text = utf8.reset().decode(in).toString();
        } catch (CharacterCodingException e) {
            fail(row, "is not valid UTF-8 (malformed byte sequence at byte " + in.position() + " of the "
                    + kind.record + "); convert the file to UTF-8");
            return;
        }
        if (kind == CorpusKind.JSONL) {
            try {
                text = JsonLineDocument.text(text);
            } catch (IllegalArgumentException e) {
                fail(row, e.getMessage());
                return;
            }
            if (text == null) {
                return;
            }
        }
        if (!text.isEmpty()) {
            documents++;
            encoder.document(text);
        }
    }

    private void fail(long row, String what) {
        problemRow = row;
        problem = what;
    }

    /** Closes the part file and reports the run. */
    PartReport finish() {
        ids.close();
        return new PartReport(start.key(), start.rangeStart(), start.partition(), start.sequence(),
                ids.size() > 0 ? file.toString() : null, rows, documents, ids.size(), problemRow, problem);
    }
}
