package org.mdlm.domains.text;

import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import java.util.function.Consumer;
import org.mdlm.api.domain.DataException;

/**
 * Reads one corpus file (plain text or JSON lines, either optionally gzipped) through a
 * {@link TextNormalizer} (package-private helper). The caller maps {@link IOException}s to
 * {@link DataException}s naming the file; format errors are reported here.
 */
final class CorpusReader {

    /** How a file's content is laid out. */
    enum Format {
        /** Plain UTF-8 text (text8 files are the already-normalised case of this). */
        TEXT,
        /** One JSON object per line; its {@code "text"} field is a document. */
        JSONL
    }

    private CorpusReader() {
    }

    /** {@link Format#JSONL} for names ending in {@code .jsonl} or {@code .jsonl.gz}, else TEXT. */
    static Format formatOf(String fileName) {
        String n = fileName.toLowerCase(Locale.ROOT);
        return n.endsWith(".jsonl") || n.endsWith(".jsonl.gz") ? Format.JSONL : Format.TEXT;
    }

    /**
     * Reads {@code raw} (gzip is detected by its magic bytes) into {@code out}; documents of a
     * JSON-lines file are separated by a word boundary.
     *
     * @param where the file's name for error messages
     * @throws StrictUtf8.MalformedUtf8Exception if the bytes are not UTF-8
     * @throws DataException if a JSON line is malformed or lacks a string {@code "text"} field
     */
    static void read(InputStream raw, Format format, String where, TextNormalizer out) throws IOException {
        InputStream in = StrictUtf8.maybeGunzip(raw);
        if (format == Format.TEXT) {
            StrictUtf8.decode(in, out::append);
        } else {
            LineSink lines = new LineSink(new JsonLines(where, text -> out.boundary().append(text).boundary()));
            StrictUtf8.decode(in, lines);
            lines.finish();
        }
    }

    /**
     * Reads the documents of a JSON-lines stream (gzip detected by its magic bytes), handing each
     * record's {@code "text"} to {@code documents} in file order.
     *
     * @param where the file's name for error messages
     * @throws StrictUtf8.MalformedUtf8Exception if the bytes are not UTF-8
     * @throws DataException naming the file and line when a JSON line is malformed or lacks a string
     *         {@code "text"} field
     */
    static void readJsonDocuments(InputStream raw, String where, Consumer<String> documents) throws IOException {
        LineSink lines = new LineSink(new JsonLines(where, documents));
        StrictUtf8.decode(StrictUtf8.maybeGunzip(raw), lines);
        lines.finish();
    }

    /** Parses each line of a JSON-lines file and hands its {@code "text"} field on, counting lines for messages. */
    private static final class JsonLines implements Consumer<String> {
        private final String where;
        private final Consumer<String> out;
        private long lineNumber;

        JsonLines(String where, Consumer<String> out) {
            this.where = where;
            this.out = out;
        }

        @Override
        public void accept(String s) {
            lineNumber++;
            String text;
            try {
                text = JsonLineDocument.text(s);
            } catch (IllegalArgumentException e) {
                DataException d = JsonLineDocument.at(where, lineNumber, e.getMessage());
                d.initCause(e);
                throw d;
            }
            if (text != null) {
                out.accept(text);
            }
        }
    }
}
