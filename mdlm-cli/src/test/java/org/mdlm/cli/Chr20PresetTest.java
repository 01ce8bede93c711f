package org.mdlm.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mdlm.testkit.TestData;

/**
 * {@code mdlm run --preset chr20} on the real chromosome 20 of the data folder given to the profile
 * "data": 80 steps train, evaluate per base and sample. A model after one step bounds about 1.58
 * nats per base (near-uniform over A, C, G, T and N); after 80 steps it must be below 1.5 (measured:
 * 1.43 after 100 steps), so a run that learns nothing fails, and one that reads only N (0 nats) too.
 */
@Tag("data")
class Chr20PresetTest {

    @TempDir
    Path tmp;

    @Test
    void chr20RunsTrainsAndReportsPerBase() throws Exception {
        Path out = tmp.resolve("run");
        CliRunner.Result r = CliRunner.run("run", "--preset", "chr20", "--data",
                TestData.data("dna/hg19-chr20.fa.gz").toString(), "--out", out.toString(),
                "--set", "domain.cache_dir=" + tmp.resolve("cache"), "--set", "train.steps=80",
                "--set", "train.eval_every=0", "--set", "train.checkpoint_every=0", "--set", "train.log_every=10",
                "--set", "sample.batch=1", "--set", "sampler.steps=16");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("nats/base") && r.out().contains("bits/base") && r.out().contains("perplexity"),
                r.out());
        ObjectMapper json = new ObjectMapper();
        JsonNode summary = json.readTree(out.resolve("summary.json").toFile());
        assertEquals(80, summary.get("steps").asInt());
        assertEquals("base", summary.get("token_unit").asText());
        double nats = summary.get("val_nats_per_token").asDouble();
        assertTrue(nats > 1.0 && nats < 1.5, "validation bound after 80 steps: " + nats + " nats/base");
        String samples = Files.readString(out.resolve("samples.txt")).strip();
        assertTrue(samples.length() == 128 && samples.matches("[ACGTN]+"), "one sample of 128 bases: " + samples);
    }
}
