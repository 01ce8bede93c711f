package org.mdlm.domains.text;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;
import org.mdlm.api.domain.TokenStream;

/** Small helpers shared by the tests: writing corpus files and reading streams back. */
final class TestFiles {

    private TestFiles() {
    }

    /** Writes {@code text} as UTF-8, gzipped when the name ends in {@code .gz}. */
    static Path write(Path file, String text) throws IOException {
        return writeBytes(file, text.getBytes(StandardCharsets.UTF_8));
    }

    static Path writeBytes(Path file, byte[] bytes) throws IOException {
        if (file.getFileName().toString().endsWith(".gz")) {
            try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
                out.write(bytes);
            }
        } else {
            Files.write(file, bytes);
        }
        return file;
    }

    /** {@code count} words "w0 w1 ..." spelled with letters only, e.g. "wa wb ... wba". */
    static String words(String prefix, int count) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < count; i++) {
            if (i > 0) {
                b.append(' ');
            }
            b.append(prefix);
            for (char c : Integer.toString(i, 26).toCharArray()) {
                b.append((char) ('a' + Character.digit(c, 26)));
            }
        }
        return b.toString();
    }

    /** All of a stream as text (ids 0..26; anything else fails). */
    static String text(TokenStream s) {
        int[] ids = new int[(int) s.length()];
        s.read(0, ids, 0, ids.length);
        StringBuilder b = new StringBuilder(ids.length);
        for (int id : ids) {
            b.append(new CharVocabulary().charOf(id));
        }
        return b.toString();
    }
}
