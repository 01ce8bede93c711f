package org.mdlm.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The CLI alone has no Spark (mdlm-spark is not on its class path): {@code train --spark} says how
 * to get it, with exit code 2, before anything is read or written.
 */
class SparkOptionTest {

    @TempDir
    Path tmp;

    @Test
    void sparkWithoutMdlmSparkSaysHowToGetIt() {
        Path out = tmp.resolve("run");
        CliRunner.Result r = CliRunner.run("train", "--spark", "local[2]", "--preset", "tiny", "--out", out.toString());
        assertEquals(2, r.code(), r.err());
        assertTrue(r.err().contains("--spark needs mdlm-spark and Spark on the class path"), r.err());
        assertTrue(r.err().contains("./mdlm train --spark") && r.err().contains("spark-submit"), r.err());
        assertTrue(!Files.exists(out), "nothing written");
    }
}
