package org.mdlm.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The GPT-2-token presets: {@code webtext-standin} trains on a given JSON-lines corpus and reports a
 * bound; {@code owt} without data says which files to give.
 */
class TextDomainPresetsTest {

    @TempDir
    Path tmp;

    @Test
    void webtextStandinTrainsOnAGivenCorpusAndReportsABound() throws Exception {
        Path data = Files.createDirectories(tmp.resolve("data"));
        StringBuilder docs = new StringBuilder();
        for (int i = 0; i < 40; i++) {
            docs.append("{\"text\": \"Document ").append(i).append(" says hello to the world, and the world answers.\"}\n");
        }
        for (String split : new String[] {"train", "valid", "test"}) {
            Files.writeString(data.resolve(split + ".jsonl"), docs);
        }
        Path out = tmp.resolve("run");
        CliRunner.Result r = CliRunner.run("train", "--preset", "webtext-standin", "--data", data.toString(),
                "--out", out.toString(), "--set", "train.steps=2", "--set", "train.eval_every=2",
                "--set", "train.checkpoint_every=2", "--set", "train.eval_windows=2", "--set", "train.eval_t_samples=2",
                "--set", "train.log_every=1", "--set", "model.hidden=32", "--set", "model.cond_dim=32",
                "--set", "train.seq_len=32", "--set", "train.batch_size=2");
        assertEquals(0, r.code(), r.out() + r.err());
        ObjectMapper json = new ObjectMapper();
        JsonNode config = json.readTree(out.resolve("config.json").toFile());
        assertEquals("text", config.at("/domain/type").asText());
        assertEquals("gpt2", config.at("/domain/tokenizer").asText());
        JsonNode summary = json.readTree(out.resolve("summary.json").toFile());
        double nats = summary.get("val_nats_per_token").asDouble();
        assertTrue(nats > 0 && Double.isFinite(nats), summary.toString());
        assertTrue(summary.get("val_is_bound").asBoolean(), summary.toString());

        // Zero-shot on two corpora: the training one and a running text of 40 x "Hello world".
        Path other = Files.createDirectories(tmp.resolve("other"));
        String hello = String.join(" ", java.util.Collections.nCopies(40, "Hello world"));
        for (String split : new String[] {"train", "valid", "test"}) {
            Files.writeString(other.resolve(split + ".txt"), hello);
        }
        CliRunner.Result zs = CliRunner.run("eval", "--run", out.toString(), "--data", data + "," + other,
                "--windows", "2", "--t-samples", "1", "--json");
        assertEquals(0, zs.code(), zs.out() + zs.err());
        JsonNode corpora = json.readTree(zs.out()).get("corpora");
        assertEquals(2, corpora.size(), zs.out());
        JsonNode h = corpora.get(1);
        // "Hello" " world" then " Hello" " world" ... and one <|endoftext|>: 81 tokens for 479 bytes.
        assertEquals(81, h.get("split_tokens").asLong(), h.toString());
        assertEquals(479.0 / 81, h.get("bytes_per_token").asDouble(), 1e-12, h.toString());
        assertEquals(h.get("nats_per_token").asDouble() * 81 / 479 / Math.log(2), h.get("bits_per_byte").asDouble(),
                1e-9, h.toString());
        assertTrue(corpora.get(0).get("bytes_per_token").asDouble() > 2, corpora.toString());
        CliRunner.Result table = CliRunner.run("eval", "--run", out.toString(), "--data", other.toString(),
                "--windows", "2", "--t-samples", "1");
        assertEquals(0, table.code(), table.out() + table.err());
        assertTrue(table.out().contains("bits/byte") && table.out().contains(other.toString()), table.out());
    }

    @Test
    void owtWithoutDataSaysWhichFilesToGive() {
        CliRunner.Result r = CliRunner.run("train", "--preset", "owt", "--out", tmp.resolve("owt").toString(),
                "--set", "train.steps=1");
        assertEquals(2, r.code(), r.out() + r.err());
        assertTrue(r.err().contains("--data DIR") && r.err().contains("train, valid and test")
                && r.err().contains(".jsonl.gz") && r.err().contains("{\"text\""), r.err());
    }

    @Test
    void lm1bAndText8WithoutDataSayWhatToGive() {
        CliRunner.Result lm1b = CliRunner.run("train", "--preset", "lm1b", "--out", tmp.resolve("lm1b").toString(),
                "--set", "train.steps=1");
        assertEquals(2, lm1b.code(), lm1b.out() + lm1b.err());
        assertTrue(lm1b.err().contains("--data DIR") && lm1b.err().contains("train, valid and test")
                && lm1b.err().contains("bert-base-uncased"), lm1b.err());
        CliRunner.Result text8 = CliRunner.run("train", "--preset", "text8", "--data",
                tmp.resolve("nowhere/text8").toString(), "--out", tmp.resolve("t8").toString(), "--set", "train.steps=1");
        assertEquals(2, text8.code(), text8.out() + text8.err());
        assertTrue(text8.err().contains("does not exist") && text8.err().contains("text8.zip"), text8.err());
    }

    @Test
    void thePresetsAreListedAndResolve() throws Exception {
        CliRunner.Result list = CliRunner.run("presets");
        assertTrue(list.out().contains("webtext-standin") && list.out().contains("owt") && list.out().contains("lm1b")
                && list.out().contains("text8 "), list.out());
        JsonNode owt = new ObjectMapper().readTree(CliRunner.run("presets", "owt").out());
        assertEquals(768, owt.at("/model/hidden").asInt());
        assertEquals(12, owt.at("/model/blocks").asInt());
        assertEquals(12, owt.at("/model/heads").asInt());
        assertEquals(1024, owt.at("/train/seq_len").asInt());
        assertTrue(owt.at("/domain/data").isNull(), owt.toString());
        JsonNode lm1b = new ObjectMapper().readTree(CliRunner.run("presets", "lm1b").out());
        assertEquals("pad", lm1b.at("/domain/packing").asText());
        assertEquals(lm1b.at("/train/seq_len").asInt(), lm1b.at("/domain/row_length").asInt());
        JsonNode text8 = new ObjectMapper().readTree(CliRunner.run("presets", "text8").out());
        assertEquals(256, text8.at("/train/seq_len").asInt());
    }
}
