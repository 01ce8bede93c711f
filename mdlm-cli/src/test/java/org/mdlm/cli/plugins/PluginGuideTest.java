package org.mdlm.cli.plugins;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mdlm.testkit.TestData;

/**
 * The plugin guide (examples/protein-domain/README.md) works as written on a machine whose local
 * Maven repository holds nothing of mdlm: its commands, up to and including {@code ../../mdlm
 * plugins}, run verbatim in a copy of the project, with an empty local repository. Third-party
 * artifacts come from this build's own local repository (served as a file repository without
 * org/mdlm, so the guide must install mdlm's parent POM itself), then Maven Central. The launcher
 * in the copy finds this build's classes instead of building the whole project again.
 *
 * <p>Tagged slow although it takes only 10-25 s: it runs Maven itself, copies a few hundred MB into
 * the scratch repository, and on a fresh machine fetches from Maven Central the plugins that
 * {@code mvn verify} never needed (the install plugin), which the default suite must not depend on.
 */
@Tag("slow")
class PluginGuideTest {

    private static final Set<String> NOT_COPIED = Set.of("target", ".git", "runs", "plugins", ".mdlm");

    @TempDir
    Path tmp;

    @Test
    void theGuidesCommandsBuildAVersionedJarThatMdlmLists() throws Exception {
        Path copy = copyProject(TestData.root().getParent(), tmp.resolve("project"));
        Path example = copy.resolve("examples/protein-domain");
        List<String> commands = guideCommands(example.resolve("README.md"));
        Path home = mavenHome();
        prebuiltLauncher(copy);

        Path log = tmp.resolve("guide.log");
        ProcessBuilder pb = new ProcessBuilder("bash", "-c", "set -euo pipefail\n" + String.join("\n", commands))
                .directory(example.toFile()).redirectErrorStream(true).redirectOutput(log.toFile());
        pb.environment().put("MAVEN_OPTS", "-Duser.home=" + home);
        pb.environment().put("MDLM_JAVA_OPTS", "-Xmx1g");
        pb.environment().remove("MDLM_PLUGINS");
        Process p = pb.start();
        assertTrue(p.waitFor(15, TimeUnit.MINUTES), "the guide's commands did not finish");
        String out = Files.readString(log);
        assertEquals(0, p.exitValue(), "the guide's commands failed:\n" + String.join("\n", commands) + "\n---\n" + out);

        assertTrue(Files.isDirectory(home.resolve(".m2/repository/org/mdlm/mdlm-parent/0.1.0-SNAPSHOT")),
                "the guide installed mdlm's parent POM into the empty repository");
        Path jar = copy.resolve("plugins/mdlm-protein-domain-0.1.0.jar");
        try (JarFile j = new JarFile(jar.toFile())) {
            assertEquals("0.1.0", j.getManifest().getMainAttributes().getValue("Implementation-Version"));
        }
        String line = out.lines().filter(l -> l.matches("^domain +protein .*")).findFirst().orElse("");
        assertTrue(line.matches("^domain +protein +0\\.1\\.0 .*") && line.endsWith(jar.toString()),
                "mdlm plugins lists the jar with its version:\n" + out);
    }

    /** The guide's first bash block, up to and including the first command that runs mdlm. */
    private static List<String> guideCommands(Path readme) throws IOException {
        List<String> lines = Files.readAllLines(readme);
        int start = lines.indexOf("```bash") + 1;
        List<String> commands = new ArrayList<>();
        for (String line : lines.subList(start, lines.size())) {
            assertFalse(line.startsWith("```"), "the guide's block has no ../../mdlm command");
            commands.add(line);
            if (line.startsWith("../../mdlm")) {
                return commands;
            }
        }
        throw new AssertionError("unterminated bash block in " + readme);
    }

    /** The sources of the project, without build output, runs or plugins. */
    private static Path copyProject(Path from, Path to) throws IOException {
        Files.walkFileTree(from, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
                if (!dir.equals(from) && NOT_COPIED.contains(dir.getFileName().toString())) {
                    return FileVisitResult.SKIP_SUBTREE;
                }
                Files.createDirectories(to.resolve(from.relativize(dir)));
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                if (!file.getFileName().toString().equals(".git")) {
                    Files.copy(file, to.resolve(from.relativize(file)), StandardCopyOption.COPY_ATTRIBUTES);
                }
                return FileVisitResult.CONTINUE;
            }
        });
        return to;
    }

    /**
     * A user home whose settings add, as a file repository, this build's local repository without
     * org/mdlm (Maven Central stays as the fallback); its own local repository starts empty.
     */
    private Path mavenHome() throws IOException {
        Path local = Path.of(System.getProperty("mdlm.test.localRepository",
                System.getProperty("user.home") + "/.m2/repository"));
        assertTrue(Files.isDirectory(local), "this build's local repository: " + local);
        Path served = Files.createDirectories(tmp.resolve("served"));
        try (var top = Files.list(local)) {
            for (Path entry : (Iterable<Path>) top::iterator) {
                if (!entry.getFileName().toString().equals("org")) {
                    Files.createSymbolicLink(served.resolve(entry.getFileName().toString()), entry);
                }
            }
        }
        Path org = Files.createDirectories(served.resolve("org"));
        try (var groups = Files.list(local.resolve("org"))) {
            for (Path group : (Iterable<Path>) groups::iterator) {
                if (!group.getFileName().toString().equals("mdlm")) {
                    Files.createSymbolicLink(org.resolve(group.getFileName().toString()), group);
                }
            }
        }
        Path home = tmp.resolve("home");
        Files.createDirectories(home.resolve(".m2/repository"));
        String repo = "<id>served</id><url>" + served.toUri() + "</url>"
                + "<releases><enabled>true</enabled><checksumPolicy>ignore</checksumPolicy></releases>"
                + "<snapshots><enabled>false</enabled></snapshots>";
        Files.writeString(home.resolve(".m2/settings.xml"), "<settings><profiles><profile><id>served</id>"
                + "<repositories><repository>" + repo + "</repository></repositories>"
                + "<pluginRepositories><pluginRepository>" + repo + "</pluginRepository></pluginRepositories>"
                + "</profile></profiles><activeProfiles><activeProfile>served</activeProfile></activeProfiles></settings>\n",
                StandardCharsets.UTF_8);
        return home;
    }

    /**
     * Gives the copy's launcher this build's classes as jars in mdlm-cli/target/lib and a build stamp
     * newer than every source, so {@code ../../mdlm} runs at once instead of building the project.
     */
    private static void prebuiltLauncher(Path copy) throws IOException {
        Path target = copy.resolve("mdlm-cli/target");
        Path lib = Files.createDirectories(target.resolve("lib"));
        Files.createDirectories(target.resolve("classes"));
        int n = 0;
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            Path p = Path.of(entry);
            if (Files.isDirectory(p) && !p.endsWith("test-classes")) {
                jar(p, lib.resolve("classes-" + n++ + ".jar"));
            } else if (entry.endsWith(".jar")) {
                Files.createSymbolicLink(lib.resolve(n++ + "-" + p.getFileName()), p.toAbsolutePath());
            }
        }
        Path stamp = Files.createFile(target.resolve(".mdlm-built"));
        Files.setLastModifiedTime(stamp, FileTime.from(Instant.now().plusSeconds(3600)));
    }

    private static void jar(Path dir, Path jar) throws IOException {
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar));
             Stream<Path> files = Files.walk(dir)) {
            for (Path f : (Iterable<Path>) files.filter(Files::isRegularFile).sorted()::iterator) {
                out.putNextEntry(new JarEntry(dir.relativize(f).toString().replace(File.separatorChar, '/')));
                Files.copy(f, out);
                out.closeEntry();
            }
        }
    }
}
