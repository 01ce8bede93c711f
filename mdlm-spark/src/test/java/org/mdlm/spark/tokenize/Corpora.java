package org.mdlm.spark.tokenize;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.zip.GZIPOutputStream;

/** Small corpora for the tokenization tests: seeded documents with unicode, written as JSON lines. */
final class Corpora {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** Words with accents, CJK, RTL, emoji (surrogate pairs), a combining mark, specials and escapes. */
    private static final String[] WORDS = {"the", " cat", " naïve", " 東京", " 😀", " Ελληνικά", " مرحبا", "e\u0301",
        "<|endoftext|>", "\t", "\n", " \"quoted\"", " back\\slash", " 123", " won't", "  ", " Zürich", " ﬁ", "[SEP]"};

    private Corpora() {
    }

    /** {@code n} documents from {@code seed}: 0 to 40 words each (so some are empty). */
    static List<String> documents(long seed, int n) {
        SplittableRandom rng = new SplittableRandom(seed);
        List<String> docs = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            StringBuilder b = new StringBuilder();
            for (int k = rng.nextInt(41); k > 0; k--) {
                b.append(WORDS[rng.nextInt(WORDS.length)]);
            }
            docs.add(b.toString());
        }
        return docs;
    }

    /**
     * The JSON lines of {@code docs}: a {@code "text"} field among others (before or after it), and
     * every seventh line followed by a blank line.
     */
    static String jsonLines(List<String> docs) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < docs.size(); i++) {
            Map<String, Object> record = new LinkedHashMap<>();
            if (i % 2 == 0) {
                record.put("id", i);
                Map<String, Object> meta = new LinkedHashMap<>();
                meta.put("tags", List.of("a", "}"));
                meta.put("text", 1);
                record.put("meta", meta);
            }
            record.put("text", docs.get(i));
            record.put("source", "test");
            try {
                b.append(JSON.writeValueAsString(record)).append('\n');
            } catch (JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
            if (i % 7 == 6) {
                b.append('\n');
            }
        }
        return b.toString();
    }

    /** Writes {@code text} as UTF-8, gzipped when the name ends in {@code .gz}. */
    static Path write(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        if (file.getFileName().toString().endsWith(".gz")) {
            try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
                out.write(bytes);
            }
        } else {
            Files.write(file, bytes);
        }
        return file;
    }
}
