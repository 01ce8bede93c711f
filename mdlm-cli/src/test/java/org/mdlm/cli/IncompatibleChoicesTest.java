package org.mdlm.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Combinations that cannot work are refused when the pipeline is assembled, before any run folder
 * is written, with a message that says why and what to choose instead.
 */
class IncompatibleChoicesTest {

    @TempDir
    Path tmp;

    @Test
    void cachedSamplerIsRefusedForATimeConditionedModel() {
        Path out = tmp.resolve("r");
        CliRunner.Result r = CliRunner.run("train", "--set", "model.time_conditioning=true", "--out", out.toString());
        assertEquals(2, r.code(), r.out() + r.err());
        assertTrue(r.err().contains("ddpm_cache") && r.err().contains("time-conditioned")
                && r.err().contains("sampler.type=ddpm"), r.err());
        assertFalse(Files.exists(out), "nothing is written for a refused config");
    }

    @Test
    void aChosenSamplerThatCannotReadTheOutputIsRefusedNamingTheObjectivesOwn() {
        CliRunner.Result r = CliRunner.run("train", "--set", "parameterization.type=ar", "--set", "sampler.type=ddpm",
                "--out", tmp.resolve("r").toString());
        assertEquals(2, r.code(), r.out() + r.err());
        assertTrue(r.err().contains("next-token log-probs") && r.err().contains("sampler.type=ar"), r.err());
    }

    @Test
    void anInheritedSamplerIsReplacedByTheObjectivesOwn() {
        CliRunner.Result r = CliRunner.run("presets", "tiny", "--set", "parameterization.type=ar");
        assertEquals(0, r.code(), r.out() + r.err());
        assertTrue(r.out().replaceAll("\\s", "").contains("\"sampler\":{\"type\":\"ar\""), r.out());
    }
}
