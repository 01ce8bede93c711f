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
 * Plaid from the command line: {@code --set parameterization.type=plaid} with a time-conditioned DiT
 * trains, reports a bound, gets its own sampler and samples text of the domain's alphabet; without
 * time conditioning the config is refused before anything is written, naming the fix.
 */
class PlaidRunTest {

    @TempDir
    Path tmp;

    @Test
    void plaidTrainsReportsABoundAndSamplesValidText() throws Exception {
        Path out = tmp.resolve("plaid");
        CliRunner.Result r = CliRunner.run("run", "--out", out.toString(), "--set", "parameterization.type=plaid",
                "--set", "model.time_conditioning=true", "--set", "model.hidden=32", "--set", "model.cond_dim=32",
                "--set", "train.steps=6", "--set", "train.eval_every=6", "--set", "train.checkpoint_every=6",
                "--set", "train.eval_windows=4", "--set", "train.eval_t_samples=4", "--set", "train.seq_len=32",
                "--set", "train.batch_size=4", "--set", "sampler.type=plaid", "--set", "sampler.steps=8", "--set", "sample.batch=2",
                "--set", "sample.length=24");
        assertEquals(0, r.code(), r.err());
        ObjectMapper json = new ObjectMapper();
        JsonNode config = json.readTree(out.resolve("config.json").toFile());
        assertEquals("plaid", config.at("/parameterization/type").asText());
        assertEquals("plaid", config.at("/sampler/type").asText());
        JsonNode summary = json.readTree(out.resolve("summary.json").toFile());
        double nats = summary.get("val_nats_per_token").asDouble();
        assertTrue(nats > 0 && Double.isFinite(nats), summary.toString());
        assertTrue(summary.get("val_is_bound").asBoolean(), "plaid reports a bound");
        String samples = Files.readString(out.resolve("samples.txt"));
        assertTrue(samples.matches("(?s)[a-z \n]+"), "samples decode to the text8 alphabet: " + samples);
        assertEquals(2 * 24, samples.replace("\n", "").length(), "two samples of 24 characters: " + samples);
    }

    @Test
    void withoutTimeConditioningTheConfigIsRefusedNamingTheFix() {
        Path out = tmp.resolve("refused");
        CliRunner.Result r = CliRunner.run("train", "--out", out.toString(), "--set", "parameterization.type=plaid");
        assertEquals(2, r.code(), r.out() + r.err());
        assertTrue(r.err().contains("model.time_conditioning=true"), r.err());
        assertTrue(!Files.exists(out.resolve("config.json")), "nothing written");
    }
}
