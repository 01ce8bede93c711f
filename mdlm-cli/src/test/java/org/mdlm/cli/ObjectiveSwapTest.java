package org.mdlm.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Swapping the objective from the command line: {@code --set parameterization.type=ar} trains a
 * causal DiT, evaluates its exact NLL and samples left to right with the ar sampler; its checkpoint
 * file alone evaluates (every window, with a standard error) and samples, and is refused by a model
 * of another vocabulary with what differs.
 */
class ObjectiveSwapTest {

    @TempDir
    Path tmp;

    @Test
    void arTrainsEvaluatesExactNllAndSamplesAndItsCheckpointStandsAlone() throws Exception {
        Path out = tmp.resolve("ar");
        CliRunner.Result r = CliRunner.run("run", "--out", out.toString(), "--set", "parameterization.type=ar",
                "--set", "train.steps=80", "--set", "train.lr=0.002", "--set", "train.warmup_steps=10",
                "--set", "train.eval_every=0", "--set", "train.eval_windows=16", "--set", "train.eval_t_samples=4",
                "--set", "train.checkpoint_every=0", "--set", "train.log_every=20",
                "--set", "sample.batch=2", "--set", "sample.length=40");
        assertEquals(0, r.code(), r.err());
        ObjectMapper json = new ObjectMapper();
        JsonNode config = json.readTree(out.resolve("config.json").toFile());
        assertEquals("ar", config.at("/parameterization/type").asText());
        assertEquals("ar", config.at("/sampler/type").asText(), "the objective's own sampler replaces ddpm_cache");
        JsonNode summary = json.readTree(out.resolve("summary.json").toFile());
        assertFalse(summary.get("val_is_bound").asBoolean(), "the AR figure is the exact NLL");
        double bpc = summary.get("val_bpc").asDouble();
        assertTrue(bpc < 4.3, "AR validation bits/char after 80 steps (uniform over 27 symbols: 4.75): " + bpc);
        assertTrue(r.out().contains("exact NLL") || r.err().contains("exact NLL"), r.out() + r.err());
        String samples = Files.readString(out.resolve("samples.txt")).strip();
        assertTrue(samples.matches("(?s)[a-z \n]+"), "AR samples use the text8 alphabet: " + samples);
        assertEquals(2 * 40 + 2, samples.length(), samples);

        Path alone = tmp.resolve("alone");
        Files.createDirectories(alone);
        Path ckpt = Files.copy(out.resolve(summary.get("checkpoint").asText()), alone.resolve("model.zip"));

        CliRunner.Result full = CliRunner.run("eval", "--full", "--checkpoint", ckpt.toString());
        assertEquals(0, full.code(), full.err());
        assertTrue(full.out().contains("±") && full.out().contains("exact NLL"), full.out());
        assertTrue(full.out().matches("(?s).*valid \\(step 80, EMA weights, \\d{3,} windows x 1\\).*"), full.out());

        CliRunner.Result sampled = CliRunner.run("sample", "--checkpoint", ckpt.toString(), "--set", "sample.batch=1",
                "--set", "sample.length=16", "--set", "sample.seed=5");
        assertEquals(0, sampled.code(), sampled.err());
        assertEquals(16, sampled.out().strip().length(), sampled.out());

        CliRunner.Result dna = CliRunner.run("eval", "--checkpoint", ckpt.toString(), "--set", "domain.type=dna");
        assertEquals(2, dna.code(), dna.out() + dna.err());
        assertTrue(dna.err().contains("vocabSize 28") && dna.err().contains("model.zip"), dna.err());
    }

    /** Every shipped objective and schedule is one --set away; the run records both and reports a finite bound. */
    @ParameterizedTest
    @CsvSource({"d3pm,cosine", "sedd,geometric", "subs,polynomial", "subs,linear",
        "d3pm,cosine2"})
    void objectiveAndScheduleAreSwappedWithSetOnly(String objective, String schedule) throws Exception {
        Path out = tmp.resolve(objective + "-" + schedule);
        CliRunner.Result r = CliRunner.run("train", "--out", out.toString(),
                "--set", "parameterization.type=" + objective, "--set", "schedule.type=" + schedule,
                "--set", "train.steps=4", "--set", "train.eval_every=4", "--set", "train.checkpoint_every=4",
                "--set", "train.eval_windows=2", "--set", "train.eval_t_samples=2", "--set", "model.hidden=32",
                "--set", "model.cond_dim=32", "--set", "train.seq_len=32", "--set", "train.batch_size=4");
        assertEquals(0, r.code(), r.err());
        ObjectMapper json = new ObjectMapper();
        JsonNode config = json.readTree(out.resolve("config.json").toFile());
        assertEquals(objective, config.at("/parameterization/type").asText());
        assertEquals(schedule, config.at("/schedule/type").asText());
        JsonNode summary = json.readTree(out.resolve("summary.json").toFile());
        double nats = summary.get("val_nats_per_token").asDouble();
        assertTrue(nats > 0 && Double.isFinite(nats), objective + "/" + schedule + ": " + summary);
        assertTrue(summary.get("val_is_bound").asBoolean(), "a diffusion objective reports a bound");
    }
}
