package org.mdlm.domains.text;

import org.mdlm.api.domain.DataException;

/**
 * The document of one line of a JSON-lines corpus: the string value of the object's {@code "text"}
 * field (other fields, of any type, are ignored). The one rule for such lines, used by the text
 * domain's reader and by the Spark tokenization job, so that both read the same documents and
 * report the same problems.
 */
public final class JsonLineDocument {

    /** The JSON field holding a document's text. */
    public static final String TEXT_FIELD = "text";

    private JsonLineDocument() {
    }

    /**
     * The document of {@code line}; null for a blank line, which holds none.
     *
     * @throws IllegalArgumentException when the line is not one JSON object with a string {@code "text"}
     *         field; its message describes the problem, to follow "line N of FILE" (see {@link #at})
     */
    public static String text(String line) {
        if (line.isBlank()) {
            return null;
        }
        String text;
        try {
            text = JsonTextField.extract(line, TEXT_FIELD);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("cannot be read (" + e.getMessage() + "); a .jsonl file needs one JSON "
                    + "object per line with a \"" + TEXT_FIELD + "\" string field", e);
        }
        if (text == null) {
            throw new IllegalArgumentException("has no \"" + TEXT_FIELD + "\" string field; every line of a .jsonl "
                    + "file must be an object like {\"text\": \"...\"} (other fields are ignored)");
        }
        return text;
    }

    /** The error for a {@code problem} (a message of {@link #text}) at line {@code lineNumber} (from 1) of {@code where}. */
    public static DataException at(String where, long lineNumber, String problem) {
        return new DataException("line " + lineNumber + " of " + where + " " + problem);
    }
}
