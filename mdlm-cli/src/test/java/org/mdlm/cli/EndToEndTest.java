package org.mdlm.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A short `mdlm run` of the tiny model on the embedded corpus leaves a complete, consistent run
 * folder, and `mdlm sample` and `mdlm eval` read it back. (That the model learns more than
 * character frequencies is {@link LearningTest}'s job: it takes a few minutes.)
 */
class EndToEndTest {

    @TempDir
    Path tmp;

    @Test
    void shortRunWritesACompleteRunFolderThatSampleAndEvalRead() throws Exception {
        Path out = tmp.resolve("run");
        CliRunner.Result r = CliRunner.run("run", "--out", out.toString(),
                "--set", "train.steps=30", "--set", "train.lr=0.001", "--set", "train.warmup_steps=10",
                "--set", "train.eval_every=15", "--set", "train.eval_windows=8", "--set", "train.eval_t_samples=2",
                "--set", "train.checkpoint_every=15", "--set", "train.log_every=5",
                "--set", "sample.batch=2", "--set", "sample.length=48", "--set", "sampler.steps=24");
        assertEquals(0, r.code(), r.err());
        ObjectMapper json = new ObjectMapper();
        JsonNode summary = json.readTree(out.resolve("summary.json").toFile());
        assertEquals(30, summary.get("steps").asInt());
        assertEquals(30L * 16 * 128, summary.get("train_tokens").asLong());
        double bpc = summary.get("val_bpc").asDouble();
        double uniform = Math.log(27) / Math.log(2);
        assertTrue(bpc < uniform, "validation bits/char after 30 steps " + bpc + " below uniform over 27 characters");
        assertEquals(summary.get("val_nats_per_token").asDouble() / Math.log(2), bpc, 1e-9);
        assertEquals(Math.exp(summary.get("val_nats_per_token").asDouble()), summary.get("val_ppl").asDouble(), 1e-9);

        List<Integer> logged = new ArrayList<>();
        List<Integer> evaluated = new ArrayList<>();
        for (String line : Files.readAllLines(out.resolve("metrics.jsonl"))) {
            JsonNode m = json.readTree(line);
            assertTrue(m.has("loss") || m.has("val_nats_per_token"), line);
            (m.has("loss") ? logged : evaluated).add(m.get("step").asInt());
        }
        assertEquals(List.of(5, 10, 15, 20, 25, 30), logged, "a line every train.log_every steps");
        assertEquals(List.of(15, 30), evaluated, "a line every train.eval_every steps");
        try (Stream<Path> ck = Files.list(out.resolve("checkpoints"))) {
            assertEquals(List.of("ckpt-000015.zip", "ckpt-000030.zip"),
                    ck.map(f -> f.getFileName().toString()).sorted().toList());
        }
        JsonNode config = json.readTree(out.resolve("config.json").toFile());
        assertEquals(30, config.at("/train/steps").asInt());
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
