package org.mdlm.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mdlm.testkit.ServiceDeclarations;

class PluginsAndPresetsTest {

    @Test
    void pluginsListsTheFoundationProvidersWithTheirSource() {
        CliRunner.Result r = CliRunner.run("plugins");
        assertEquals(0, r.code(), r.err());
        for (String expected : List.of("schedule +loglinear ", "parameterization +subs ", "parameterization +plaid ", "backbone +dit ", "backbone +caduceus ",
                "sampler +ddpm ", "sampler +ddpm_cache ", "sampler +plaid ", "domain +text8 ", "domain +dna ", "domain +synthetic ")) {
            assertTrue(r.out().lines().anyMatch(l -> l.matches("^" + expected + ".*")), expected + " in\n" + r.out());
        }
        assertTrue(r.out().contains("mdlm-backbones"), "source of dit shown:\n" + r.out());
    }

    @Test
    void presetsListsTinyAndText8Standin() {
        CliRunner.Result r = CliRunner.run("presets");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("tiny"));
        assertTrue(r.out().contains("text8-standin"));
    }

    @Test
    void presetIsPrintedFullyResolvedWithOverrides() throws Exception {
        CliRunner.Result r = CliRunner.run("presets", "tiny", "--set", "model.hidden=64", "--set", "sampler.type=ddpm");
        assertEquals(0, r.code(), r.err());
        JsonNode tree = new ObjectMapper().readTree(r.out());
        assertEquals(64, tree.at("/model/hidden").asInt());
        assertEquals("ddpm", tree.at("/sampler/type").asText());
        assertEquals(128, tree.at("/sampler/steps").asInt(), "defaults of the new sampler are filled in");
        assertEquals(0.0003, tree.at("/train/lr").asDouble(), 1e-12);
        assertEquals(0.9999, tree.at("/train/ema_decay").asDouble(), 1e-12, "train defaults are filled in");
        assertEquals(0.001, tree.at("/schedule/eps").asDouble(), 1e-12);
    }

    @Test
    void smallIsTheBenchmarkConfigurationOnTheSyntheticDomain() throws Exception {
        CliRunner.Result r = CliRunner.run("presets", "small");
        assertEquals(0, r.code(), r.err());
        JsonNode tree = new ObjectMapper().readTree(r.out());
        assertEquals("synthetic", tree.at("/domain/type").asText());
        assertEquals(8192, tree.at("/domain/vocab").asInt());
        assertEquals(256, tree.at("/model/hidden").asInt());
        assertEquals(4, tree.at("/model/heads").asInt());
        assertEquals(4, tree.at("/model/blocks").asInt());
        assertEquals(32, tree.at("/train/batch_size").asInt());
        assertEquals(128, tree.at("/train/seq_len").asInt());
    }

    @Test
    void text8StandinExtendsTiny() throws Exception {
        CliRunner.Result r = CliRunner.run("presets", "text8-standin");
        JsonNode tree = new ObjectMapper().readTree(r.out());
        assertEquals("../shared/data/text/text8-standin", tree.at("/domain/data").asText());
        assertEquals(128, tree.at("/model/hidden").asInt());
    }

    @Test
    void helpIsAvailableOnEveryCommand() {
        for (String[] cmd : List.of(new String[] {"--help"}, new String[] {"run", "--help"},
                new String[] {"train", "--help"}, new String[] {"sample", "--help"}, new String[] {"eval", "--help"},
                new String[] {"plugins", "--help"}, new String[] {"presets", "--help"},
                new String[] {"bench", "--help"}, new String[] {"bench", "train", "--help"})) {
            CliRunner.Result r = CliRunner.run(cmd);
            assertEquals(0, r.code(), String.join(" ", cmd));
            assertTrue(r.out().contains("Usage: mdlm"), String.join(" ", cmd) + ":\n" + r.out());
        }
    }

    @Test
    void moduleInfoAgreesWithServicesFiles() {
        assertEquals(List.of(), ServiceDeclarations.differences(Path.of("")));
    }
}
