package org.mdlm.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bad input gives one clear message, exit code 2, and leaves no run folder behind. */
class BadInputTest {

    @TempDir
    Path tmp;

    @Test
    void unknownPresetListsTheAvailableOnes() {
        CliRunner.Result r = CliRunner.run("train", "--preset", "nosuch", "--out", tmp.resolve("r").toString());
        assertEquals(2, r.code(), r.err());
        assertTrue(r.err().contains("unknown preset 'nosuch'"), r.err());
        assertTrue(r.err().contains("tiny") && r.err().contains("text8-standin"), r.err());
        assertFalse(Files.exists(tmp.resolve("r")));
    }

    @Test
    void unknownPluginNameListsTheAvailableOnes() {
        CliRunner.Result r = CliRunner.run("train", "--set", "model.type=transformerz", "--out", tmp.resolve("r").toString());
        assertEquals(2, r.code(), r.err());
        assertTrue(r.err().contains("unknown backbone 'transformerz'"), r.err());
        assertTrue(r.err().contains("dit"), r.err());
    }

    @Test
    void unknownConfigKeyNamesTheKnownKeys() {
        CliRunner.Result r = CliRunner.run("train", "--set", "train.stepz=10", "--out", tmp.resolve("r").toString());
        assertEquals(2, r.code(), r.err());
        assertTrue(r.err().contains("unknown config key 'train.stepz'"), r.err());
        assertTrue(r.err().contains("steps"), r.err());
    }

    @Test
    void unknownSectionIsRejected() {
        CliRunner.Result r = CliRunner.run("train", "--set", "trian.steps=10", "--out", tmp.resolve("r").toString());
        assertEquals(2, r.code(), r.err());
        assertTrue(r.err().contains("no section 'trian'"), r.err());
    }

    @Test
    void wrongValueTypeIsRejected() {
        CliRunner.Result r = CliRunner.run("train", "--set", "train.steps=lots", "--out", tmp.resolve("r").toString());
        assertEquals(2, r.code(), r.err());
        assertTrue(r.err().contains("train.steps"), r.err());
        assertTrue(r.err().contains("integer"), r.err());
    }

    @Test
    void invalidValueIsRejectedByTheRecord() {
        CliRunner.Result r = CliRunner.run("train", "--set", "model.hidden=-5", "--out", tmp.resolve("r").toString());
        assertEquals(2, r.code(), r.err());
        assertTrue(r.err().contains("hidden"), r.err());
    }

    @Test
    void missingDataPathIsReportedBeforeAnythingIsWritten() {
        Path out = tmp.resolve("r");
        CliRunner.Result r = CliRunner.run("train", "--data", tmp.resolve("no/such/corpus").toString(), "--out",
                out.toString());
        assertEquals(2, r.code(), r.err());
        assertTrue(r.err().contains("no/such/corpus"), r.err());
        assertFalse(Files.exists(out), "no run folder may be left behind");
    }

    @Test
    void malformedOverrideIsRejected() {
        CliRunner.Result r = CliRunner.run("train", "--set", "steps", "--out", tmp.resolve("r").toString());
        assertEquals(2, r.code(), r.err());
        assertTrue(r.err().contains("key=value"), r.err());
    }

    @Test
    void sampleFromAFolderWithoutARunFails() {
        CliRunner.Result r = CliRunner.run("sample", "--run", tmp.toString());
        assertEquals(2, r.code(), r.err());
        assertTrue(r.err().contains("no run in"), r.err());
    }

    @Test
    void unknownSubcommandIsAUsageError() {
        CliRunner.Result r = CliRunner.run("trian");
        assertEquals(2, r.code());
    }
}
