package org.mdlm.domains.text;

import java.util.function.Consumer;

/**
 * Cuts decoded characters into lines (at {@code '\n'}, the separator not included) and hands each
 * line, blank ones too, to a consumer; {@link #finish} hands over a last line without a newline.
 */
final class LineSink implements StrictUtf8.CharSink {

    private final Consumer<String> onLine;
    private final StringBuilder line = new StringBuilder();

    LineSink(Consumer<String> onLine) {
        this.onLine = onLine;
    }

    @Override
    public void accept(char[] buf, int off, int len) {
        int start = off;
        for (int i = off, end = off + len; i < end; i++) {
            if (buf[i] == '\n') {
                line.append(buf, start, i - start);
                emit();
                start = i + 1;
            }
        }
        line.append(buf, start, off + len - start);
    }

    /** Hands over the last line when the input did not end with a newline. */
    void finish() {
        if (line.length() > 0) {
            emit();
        }
    }

    private void emit() {
        String s = line.toString();
        line.setLength(0);
        onLine.accept(s);
    }
}
