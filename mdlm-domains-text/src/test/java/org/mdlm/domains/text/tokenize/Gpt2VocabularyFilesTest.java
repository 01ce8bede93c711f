package org.mdlm.domains.text.tokenize;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.mdlm.testkit.TestData;

/**
 * JTokkit's r50k_base against GPT-2's own vocabulary files ({@code tokenizers/gpt2/encoder.json} and
 * {@code vocab.bpe} of the data folder): every token's bytes, and the encoding of real documents
 * against a plain reimplementation of GPT-2's {@code encoder.py} (the test oracle below).
 */
@Tag("data")
class Gpt2VocabularyFilesTest {

    /** GPT-2's pre-tokenizing pattern; Python's regex module has Unicode \s, hence the flag. */
    private static final Pattern GPT2_PATTERN = Pattern.compile(
            "'s|'t|'re|'ve|'m|'ll|'d| ?\\p{L}+| ?\\p{N}+| ?[^\\s\\p{L}\\p{N}]+|\\s+(?!\\S)|\\s+",
            Pattern.UNICODE_CHARACTER_CLASS);

    private final Gpt2Tokenizer gpt2 = new Gpt2Tokenizer();

    @Test
    void everyTokenOfEncoderJsonHasItsId() throws IOException {
        Map<String, Integer> encoder = encoderJson();
        assertEquals(50257, encoder.size());
        for (Map.Entry<String, Integer> e : encoder.entrySet()) {
            assertEquals(e.getKey(), gpt2.symbol(e.getValue()), "token " + e.getValue());
        }
    }

    @Test
    void documentsEncodeAsGpt2sEncoderDoes() throws IOException {
        Map<String, Integer> encoder = encoderJson();
        Map<String, Integer> ranks = new HashMap<>();
        List<String> lines = Files.readAllLines(TestData.data("tokenizers/gpt2/vocab.bpe"), StandardCharsets.UTF_8);
        for (String line : lines.subList(1, lines.size())) {
            if (!line.isBlank()) {
                ranks.put(line, ranks.size());
            }
        }
        assertEquals(50000, ranks.size(), "merges");
        int docs = 0;
        long tokens = 0;
        for (String doc : webtextDocuments(60)) {
            int[] expected = referenceEncode(doc, encoder, ranks);
            int[] actual = gpt2.encode(doc);
            assertArrayEquals(expected, actual, "document " + docs);
            assertEquals(doc, gpt2.decode(actual));
            docs++;
            tokens += actual.length;
        }
        assertTrue(tokens > 100_000, "enough text compared: " + tokens + " tokens");
    }

    /** GPT-2's encoder.py, written plainly: pre-split, bytes as characters, lowest-rank merge first. */
    private static int[] referenceEncode(String text, Map<String, Integer> encoder, Map<String, Integer> ranks) {
        List<Integer> ids = new ArrayList<>();
        Matcher m = GPT2_PATTERN.matcher(text);
        while (m.find()) {
            List<String> word = new ArrayList<>();
            for (char c : ByteLevelSymbols.of(m.group().getBytes(StandardCharsets.UTF_8)).toCharArray()) {
                word.add(String.valueOf(c));
            }
            while (word.size() > 1) {
                int best = -1;
                int bestRank = Integer.MAX_VALUE;
                for (int i = 0; i + 1 < word.size(); i++) {
                    Integer r = ranks.get(word.get(i) + " " + word.get(i + 1));
                    if (r != null && r < bestRank) {
                        bestRank = r;
                        best = i;
                    }
                }
                if (best < 0) {
                    break;
                }
                String a = word.get(best);
                String b = word.get(best + 1);
                List<String> merged = new ArrayList<>();
                for (int i = 0; i < word.size(); i++) {
                    if (i + 1 < word.size() && word.get(i).equals(a) && word.get(i + 1).equals(b)) {
                        merged.add(a + b);
                        i++;
                    } else {
                        merged.add(word.get(i));
                    }
                }
                word = merged;
            }
            for (String piece : word) {
                ids.add(encoder.get(piece));
            }
        }
        return ids.stream().mapToInt(Integer::intValue).toArray();
    }

    private static Map<String, Integer> encoderJson() throws IOException {
        String s = Files.readString(TestData.data("tokenizers/gpt2/encoder.json"), StandardCharsets.UTF_8);
        Map<String, Integer> out = new LinkedHashMap<>();
        JsonCursor c = new JsonCursor(s);
        c.expect('{');
        while (true) {
            String key = c.string();
            c.expect(':');
            out.put(key, c.integer());
            if (c.next() == '}') {
                return out;
            }
        }
    }

    /** The "text" of the first {@code count} records of webtext-standin's validation split. */
    static List<String> webtextDocuments(int count) throws IOException {
        List<String> docs = new ArrayList<>();
        try (InputStream in = new GZIPInputStream(Files.newInputStream(TestData.data("text/webtext-standin/valid.jsonl.gz")))) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (docs.size() == count) {
                    break;
                }
                JsonCursor c = new JsonCursor(line);
                c.expect('{');
                assertEquals("text", c.string());
                c.expect(':');
                docs.add(c.string());
            }
        }
        return docs;
    }

    /** Just enough JSON for encoder.json and the webtext records. */
    private static final class JsonCursor {
        private final String s;
        private int pos;

        JsonCursor(String s) {
            this.s = s;
        }

        char next() {
            while (Character.isWhitespace(s.charAt(pos))) {
                pos++;
            }
            return s.charAt(pos++);
        }

        void expect(char c) {
            char got = next();
            if (got != c) {
                throw new IllegalStateException("expected " + c + " at " + (pos - 1) + ", got " + got);
            }
        }

        int integer() {
            next();
            int start = pos - 1;
            while (Character.isDigit(s.charAt(pos))) {
                pos++;
            }
            return Integer.parseInt(s.substring(start, pos));
        }

        String string() {
            expect('"');
            StringBuilder b = new StringBuilder();
            while (true) {
                char c = s.charAt(pos++);
                if (c == '"') {
                    return b.toString();
                }
                if (c != '\\') {
                    b.append(c);
                    continue;
                }
                char e = s.charAt(pos++);
                switch (e) {
                    case 'n' -> b.append('\n');
                    case 't' -> b.append('\t');
                    case 'r' -> b.append('\r');
                    case 'b' -> b.append('\b');
                    case 'f' -> b.append('\f');
                    case 'u' -> {
                        b.append((char) Integer.parseInt(s.substring(pos, pos + 4), 16));
                        pos += 4;
                    }
                    default -> b.append(e);
                }
            }
        }
    }
}
