package org.mdlm.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A short `mdlm run` of the tiny model on the embedded corpus learns (validation bits per character
 * well below the uniform 4.75) and leaves a complete run folder; `mdlm sample` and `mdlm eval`
 * read it back.
 */
class EndToEndTest {

    @TempDir
    Path tmp;

    @Test
    void shortRunLearnsAndWritesACompleteRunFolder() throws Exception {
        Path out = tmp.resolve("run");
        CliRunner.Result r = CliRunner.run("run", "--out", out.toString(),
                "--set", "train.steps=200", "--set", "train.lr=0.001", "--set", "train.warmup_steps=20",
                "--set", "train.eval_every=100", "--set", "train.eval_windows=16", "--set", "train.eval_t_samples=4",
                "--set", "train.checkpoint_every=100", "--set", "train.log_every=20",
                "--set", "sample.batch=2", "--set", "sample.length=48", "--set", "sampler.steps=24");
        assertEquals(0, r.code(), r.err());
        ObjectMapper json = new ObjectMapper();
        JsonNode summary = json.readTree(out.resolve("summary.json").toFile());
        assertEquals(200, summary.get("steps").asInt());
        assertEquals(200L * 16 * 128, summary.get("train_tokens").asLong());
        double bpc = summary.get("val_bpc").asDouble();
        assertTrue(bpc < 4.2, "validation bits/char after 200 steps: " + bpc);
        assertEquals(summary.get("val_nats_per_token").asDouble() / Math.log(2), bpc, 1e-9);
        assertEquals(Math.exp(summary.get("val_nats_per_token").asDouble()), summary.get("val_ppl").asDouble(), 1e-9);

        List<String> metrics = Files.readAllLines(out.resolve("metrics.jsonl"));
        assertTrue(metrics.size() >= 10, "one line per logged step: " + metrics.size());
        for (String line : metrics) {
            JsonNode m = json.readTree(line);
            assertTrue(m.has("step"));
            assertTrue(m.has("loss") || m.has("val_nats_per_token"), line);
        }
        JsonNode config = json.readTree(out.resolve("config.json").toFile());
        assertEquals(200, config.at("/train/steps").asInt());
        assertEquals("dit", config.at("/model/type").asText());
        JsonNode provenance = json.readTree(out.resolve("provenance.json").toFile());
        assertEquals(0, provenance.get("seed").asInt());
        assertEquals(5, provenance.get("plugins").size());
        String samples = Files.readString(out.resolve("samples.txt"));
        assertTrue(samples.strip().length() >= 2 * 48, samples);
        assertTrue(samples.matches("(?s)[a-z \n]+"), "samples use the text8 alphabet: " + samples);
        assertTrue(r.out().contains("bits/char"), r.out());

        CliRunner.Result again = CliRunner.run("run", "--out", out.toString(), "--set", "train.steps=1");
        assertEquals(2, again.code(), "a folder holding a run is not overwritten silently");
        assertTrue(again.err().contains("--overwrite"), again.err());

        CliRunner.Result sampled = CliRunner.run("sample", "--run", out.toString(), "--set", "sample.batch=1",
                "--set", "sample.length=20", "--set", "sampler.type=ddpm", "--set", "sampler.steps=10");
        assertEquals(0, sampled.code(), sampled.err());
        assertEquals(20, sampled.out().strip().length(), sampled.out());

        CliRunner.Result eval = CliRunner.run("eval", "--run", out.toString(), "--windows", "4", "--t-samples", "2");
        assertEquals(0, eval.code(), eval.err());
        assertTrue(eval.out().contains("bits/char"), eval.out());
        assertFalse(eval.out().contains("Added differentiated op"), "SameDiff chatter stays off stdout");
    }

    @Test
    void benchTrainReportsJson() throws Exception {
        CliRunner.Result r = CliRunner.run("bench", "train", "--preset", "tiny", "--json", "--steps", "3", "--warmup", "1");
        assertEquals(0, r.code(), r.err());
        JsonNode j = new ObjectMapper().readTree(r.out());
        assertEquals(3, j.get("timed_steps").asInt());
        assertTrue(j.get("ms_per_step_median").asDouble() > 0);
        assertEquals(16 * 128 * 1000.0 / j.get("ms_per_step_median").asDouble(), j.get("tokens_per_s").asDouble(), 1e-6);
        assertTrue(j.get("threads").asInt() >= 1);
        assertEquals(28, j.get("vocab_size").asInt());
    }
}
