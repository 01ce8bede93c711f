package org.mdlm.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code mdlm tokenize} and {@code mdlm bench tokenize}. */
class TokenizeCommandTest {

    @Test
    void encodesTextToIds() {
        CliRunner.Result r = CliRunner.run("tokenize", "--tokenizer", "gpt2", "Hello", "world");
        assertEquals(0, r.code(), r.err());
        assertEquals("15496 995", r.out().strip());
        r = CliRunner.run("tokenize", "--tokenizer", "bert-base-uncased", "Hello world, this is a test.");
        assertEquals(0, r.code(), r.err());
        assertEquals("101 7592 2088 1010 2023 2003 1037 3231 1012 102", r.out().strip());
        r = CliRunner.run("tokenize", "-t", "char", "Hi 5");
        assertEquals("7 8 26 5 8 21 4", r.out().strip(), "h i, space, f i v e");
    }

    @Test
    void aCorpusIsTokenizedOnlyWithSparkAndSaysHowToGetIt(@TempDir Path tmp) {
        Path out = tmp.resolve("tokens");
        CliRunner.Result r = CliRunner.run("tokenize", "--input", tmp.toString(), "--out", out.toString());
        assertEquals(2, r.code(), r.err());
        assertTrue(r.err().contains("--spark MASTER, --input DIR and --out DIR together") && r.err().contains(
                "missing: --spark"), r.err());
        r = CliRunner.run("tokenize", "--spark", "local[1]", "--input", tmp.toString(), "--out", out.toString());
        assertEquals(2, r.code(), r.err());
        assertTrue(r.err().contains("--spark needs mdlm-spark and Spark on the class path")
                && r.err().contains("./mdlm tokenize --spark MASTER"), r.err());
        r = CliRunner.run("tokenize", "--spark", "local[1]", "--input", tmp.toString(), "--out", out.toString(),
                "--packing", "pad");
        assertEquals(2, r.code(), r.err());
        assertTrue(r.err().contains("--row-length: 0; --packing pad needs the row length"), r.err());
        r = CliRunner.run("tokenize", "--spark", "local[1]", "--input", tmp.toString(), "--out", out.toString(),
                "--tokenizer", "gpt3");
        assertEquals(2, r.code(), r.err());
        assertTrue(r.err().contains("gpt3") && r.err().contains("gpt2"), "names the unknown tokenizer and the known: "
                + r.err());
        r = CliRunner.run("tokenize");
        assertEquals(2, r.code(), r.err());
        assertTrue(r.err().contains("give TEXT to tokenize, or a corpus with --spark MASTER"), r.err());
        assertTrue(!java.nio.file.Files.exists(out), "nothing written");
    }

    @Test
    void decodesIdsBackToText() {
        CliRunner.Result r = CliRunner.run("tokenize", "--tokenizer", "gpt2", "--decode", "15496", "995");
        assertEquals(0, r.code(), r.err());
        assertEquals("Hello world", r.out().strip());
        r = CliRunner.run("tokenize", "--tokenizer", "bert-base-uncased", "--decode", "101,7592, 2088 1010 102");
        assertEquals(0, r.code(), r.err());
        assertEquals("hello world,", r.out().strip());
    }

    @Test
    void roundTripsThroughTheCommandLine() {
        String text = "Caf\u00e9 \ud83d\ude00 \u4e2d\u6587, \"quotes\" and  two  spaces";
        for (String tokenizer : List.of("gpt2", "bert-base-uncased", "char")) {
            CliRunner.Result enc = CliRunner.run("tokenize", "--tokenizer", tokenizer, text);
            assertEquals(0, enc.code(), enc.err());
            assertTrue(enc.out().strip().matches("\\d+( \\d+)*"), enc.out());
            CliRunner.Result dec = CliRunner.run("tokenize", "--tokenizer", tokenizer, "--decode", enc.out().strip());
            assertEquals(0, dec.code(), dec.err());
            String expected = switch (tokenizer) {
                case "gpt2" -> text;
                case "bert-base-uncased" -> "cafe [UNK] \u4e2d \u6587, \" quotes \" and two spaces";
                default -> "cafe quotes and two spaces";
            };
            assertEquals(expected, dec.out().strip().replace("\r", ""), tokenizer);
        }
    }

    @Test
    void anUnknownTokenizerIsRefusedWithTheNames() {
        CliRunner.Result r = CliRunner.run("tokenize", "--tokenizer", "gpt3", "Hello");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("unknown tokenizer 'gpt3'; available: bert-base-uncased, char, gpt2"), r.err());
    }

    @Test
    void badIdsAreRefusedClearly() {
        CliRunner.Result r = CliRunner.run("tokenize", "--tokenizer", "gpt2", "--decode", "15496", "world");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("'world' is not a token id; --decode takes integer ids 0..50257 of gpt2"), r.err());
        r = CliRunner.run("tokenize", "--tokenizer", "bert-base-uncased", "--decode", "30522");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("token id 30522 is outside bert-base-uncased's ids 0..30521"), r.err());
        r = CliRunner.run("tokenize", "--tokenizer", "char", "--decode", "-1");
        assertEquals(2, r.code(), r.err());
    }

    @Test
    void helpNamesTheTokenizersAndTheDecodeOption() {
        CliRunner.Result r = CliRunner.run("tokenize", "--help");
        assertEquals(0, r.code());
        for (String s : List.of("Usage: mdlm tokenize", "--decode", "gpt2", "bert-base-uncased", "char")) {
            assertTrue(r.out().contains(s), s + " in\n" + r.out());
        }
        assertTrue(CliRunner.run("bench", "tokenize", "--help").out().contains("--data"));
    }

    @Test
    void benchTokenizeReportsTokensPerSecondOfEachTokenizer(@TempDir Path dir) throws IOException {
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            lines.add("{\"text\": \"Hello world\", \"source\": \"test\", \"id\": \"" + i + "\"}");
        }
        Files.write(dir.resolve("valid.jsonl"), lines, StandardCharsets.UTF_8);
        CliRunner.Result r = CliRunner.run("bench", "tokenize", "--data", dir.toString(), "--json", "--repeats", "2",
                "--warmup", "0");
        assertEquals(0, r.code(), r.err());
        JsonNode json = new ObjectMapper().readTree(r.out());
        assertEquals("tokenize", json.get("benchmark").asText());
        assertEquals(3, json.get("documents").asInt());
        assertEquals(33, json.get("bytes").asInt());
        assertEquals(2, json.get("repeats").asInt());
        List<String> names = new ArrayList<>();
        for (JsonNode row : json.get("tokenizers")) {
            names.add(row.get("tokenizer").asText());
            for (String key : List.of("vocab_size", "tokens", "bytes_per_token", "seconds_median", "seconds_min",
                    "tokens_per_s", "bytes_per_s", "load_ms")) {
                assertTrue(row.has(key), key + " in " + row);
            }
            assertTrue(row.get("tokens_per_s").asDouble() > 0, row.toString());
            assertEquals(row.get("tokens_per_s").asDouble(), json.get(row.get("tokenizer").asText() + "_tokens_per_s").asDouble());
            assertTrue(json.has(row.get("tokenizer").asText() + "_bytes_per_s"));
        }
        assertEquals(List.of("bert-base-uncased", "char", "gpt2"), names);
        assertEquals(12, json.get("tokenizers").get(0).get("tokens").asInt(), "[CLS] hello world [SEP], 3 times");
        assertEquals(33, json.get("tokenizers").get(1).get("tokens").asInt(), "11 characters, 3 times");
        assertEquals(6, json.get("tokenizers").get(2).get("tokens").asInt(), "15496 995, 3 times");
        assertEquals(50258, json.get("tokenizers").get(2).get("vocab_size").asInt());
    }

    @Test
    void benchTokenizeNamesTheFilesItExpects(@TempDir Path dir) {
        CliRunner.Result r = CliRunner.run("bench", "tokenize", "--data", dir.resolve("missing").toString());
        assertEquals(2, r.code());
        assertTrue(r.err().contains("valid.jsonl.gz") && r.err().contains("valid.jsonl ") && r.err().contains("--data DIR"),
                r.err());
    }
}
