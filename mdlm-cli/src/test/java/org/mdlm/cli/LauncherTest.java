package org.mdlm.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mdlm.testkit.TestData;

/**
 * The {@code mdlm} launcher's first run: the quiet Maven build prints nothing of its own (Maven 3.8
 * writes escape codes such as {@code ESC[0m} even with {@code -B -q}), and a failed build shows
 * Maven's output without escape codes. The project's real launcher runs in a scratch copy with a
 * stand-in {@code mvn} (printing what Maven prints) and {@code java} first on the PATH.
 */
class LauncherTest {

    private static final String ESC = "\u001b";

    @TempDir
    Path tmp;

    private Path project;
    private Path bin;

    private void setUp(String fakeMaven) throws IOException {
        project = Files.createDirectories(tmp.resolve("project"));
        Files.copy(TestData.root().getParent().resolve("mdlm"), project.resolve("mdlm"));
        Files.writeString(project.resolve("pom.xml"), "<project/>\n");
        bin = Files.createDirectories(tmp.resolve("bin"));
        executable(bin.resolve("mvn"), "#!/usr/bin/env bash\n" + fakeMaven);
        executable(bin.resolve("java"), "#!/usr/bin/env bash\necho \"java ran: ${*: -1}\"\n");
    }

    private static void executable(Path file, String script) throws IOException {
        Files.writeString(file, script);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    /** Runs {@code bash mdlm ARGS...} and returns its exit code and all its output. */
    private Object[] launch(String... args) throws Exception {
        java.util.List<String> command = new java.util.ArrayList<>(java.util.List.of("bash", project.resolve("mdlm").toString()));
        command.addAll(java.util.List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        pb.environment().put("PATH", bin + ":" + System.getenv("PATH"));
        pb.environment().put("TMPDIR", tmp.toString());
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        return new Object[] {p.exitValue(), out};
    }

    @Test
    void theFirstRunShowsNoEscapeCodesFromTheBuild() throws Exception {
        setUp("printf '\\033[0m\\033[0m\\033[0m\\033[0m'\nmkdir -p mdlm-cli/target\n");
        Object[] r = launch("--help");
        String out = (String) r[1];
        assertEquals(0, r[0], out);
        assertFalse(out.contains(ESC), "escape codes in the launcher's output: " + out.replace(ESC, "ESC"));
        assertTrue(out.startsWith("mdlm: building"), out);
        assertTrue(out.contains("java ran: --help"), out);
        assertTrue(Files.exists(project.resolve("mdlm-cli/target/.mdlm-built")), "the build is remembered");
        try (var left = Files.list(tmp)) {
            assertTrue(left.noneMatch(f -> f.getFileName().toString().startsWith("mdlm-build")), "no build log left");
        }

        Object[] again = launch("info");
        assertEquals("java ran: info\n", again[1], "no build on the second run");
    }

    @Test
    void aFailedBuildShowsMavensOutputWithoutEscapeCodes() throws Exception {
        setUp("printf '\\033[0m\\033[1;31m[ERROR]\\033[m Could not resolve dependencies\\n'\nexit 1\n");
        Object[] r = launch("--help");
        String out = (String) r[1];
        assertNotEquals(0, r[0], out);
        assertTrue(out.contains("[ERROR] Could not resolve dependencies"), out);
        assertTrue(out.contains("mdlm: the build failed"), out);
        assertFalse(out.contains(ESC), out.replace(ESC, "ESC"));
        assertFalse(out.contains("java ran"), "nothing runs after a failed build");
    }

    @Test
    void sparkIsBuiltAndOnTheClassPathOnlyWhenAskedFor() throws Exception {
        setUp("echo \"mvn $*\" >> mvn-args\nmkdir -p mdlm-cli/target mdlm-spark/target/classes/org/mdlm/spark\n"
                + "echo '--add-opens=java.base/java.nio=ALL-UNNAMED' > mdlm-spark/target/classes/org/mdlm/spark/java-options\n");
        executable(bin.resolve("java"), "#!/usr/bin/env bash\necho \"java $* SPARK_LOCAL_IP=${SPARK_LOCAL_IP:-}\"\n");
        String plain = (String) launch("train", "--preset", "tiny")[1];
        String built = Files.readString(project.resolve("mvn-args"));
        assertTrue(built.contains("-pl mdlm-cli -am"), built);
        assertFalse(plain.contains("spark") || built.contains("spark"), "no Spark without --spark: " + plain + built);

        String spark = (String) launch("train", "--spark", "local[2]", "--preset", "tiny")[1];
        built = Files.readString(project.resolve("mvn-args"));
        assertTrue(built.contains("-pl mdlm-spark -am"), built);
        assertTrue(spark.contains("--add-opens=java.base/java.nio=ALL-UNNAMED"), spark);
        assertTrue(spark.contains("mdlm-spark/target/spark-lib/*"), spark);
        assertTrue(spark.contains("org.mdlm.cli.Main train --spark local[2] --preset tiny"), spark);
        assertTrue(spark.contains("SPARK_LOCAL_IP=127.0.0.1"), "a local master binds to the loopback address: " + spark);
    }
}
