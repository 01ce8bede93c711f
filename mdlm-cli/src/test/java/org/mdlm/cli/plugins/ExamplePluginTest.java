package org.mdlm.cli.plugins;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mdlm.cli.Main;

/**
 * Builds the example protein plugin (examples/protein-domain) as its own jar against mdlm-api only,
 * drops it into a plugins folder and runs the unmodified mdlm with it; and checks that broken,
 * empty and colliding plugin jars fail clearly, naming the jar.
 */
class ExamplePluginTest {

    private static final Path EXAMPLE = Path.of("../examples/protein-domain").toAbsolutePath().normalize();

    @TempDir
    static Path shared;
    static Path pluginDir;
    static Path jar;

    @BeforeAll
    static void buildTheExampleJar() throws Exception {
        assertTrue(Files.isDirectory(EXAMPLE), "example plugin missing: " + EXAMPLE);
        pluginDir = Files.createDirectories(shared.resolve("plugins"));
        jar = JarBuilder.build(pluginDir.resolve("mdlm-protein-domain.jar"), EXAMPLE.resolve("src/main/java"),
                EXAMPLE.resolve("src/main/resources"), Map.of(), Map.of());
    }

    @Test
    void pluginsListsTheJarsProvider() {
        Result r = run("--plugins", pluginDir.toString(), "plugins");
        assertEquals(0, r.code, r.err);
        String line = r.out.lines().filter(l -> l.matches("^domain +protein .*")).findFirst().orElse("");
        assertTrue(line.contains(jar.toString()), "the protein provider's jar is shown:\n" + r.out);
    }

    @Test
    void runsItsOwnPresetWithTheUnmodifiedCli(@TempDir Path tmp) throws Exception {
        Path out = tmp.resolve("run");
        Result r = run("run", "--plugins", pluginDir.toString(), "--preset", "protein-tiny", "--out", out.toString());
        assertEquals(0, r.code, r.err);
        JsonNode summary = new ObjectMapper().readTree(out.resolve("summary.json").toFile());
        assertEquals(150, summary.get("steps").asInt());
        double nats = summary.get("val_nats_per_token").asDouble();
        // uniform over the 21 residue ids is ln 21 = 3.04 nats; the demo data's unigram entropy is 2.71
        assertTrue(nats < Math.log(21) - 0.1, "learns residue statistics: " + nats);
        assertTrue(!summary.has("val_bpc"), "not a character domain");
        String samples = Files.readString(out.resolve("samples.txt"));
        assertTrue(samples.strip().matches("(?s)[ACDEFGHIKLMNPQRSTVWYX\\n]+"), samples);
        JsonNode provenance = new ObjectMapper().readTree(out.resolve("provenance.json").toFile());
        assertTrue(provenance.toString().contains("mdlm-protein-domain.jar"), provenance.toString());
    }

    @Test
    void environmentVariableIsNotNeededWhenTheOptionIsGiven() {
        Result r = run("presets", "--plugins", pluginDir.toString());
        assertEquals(0, r.code, r.err);
        assertTrue(r.out.contains("protein-tiny"), r.out);
    }

    @Test
    void withoutThePluginItsPresetIsUnknown() {
        Result r = run("presets", "protein-tiny");
        assertEquals(2, r.code);
        assertTrue(r.err.contains("unknown preset 'protein-tiny'"), r.err);
    }

    @Test
    void aJarWithoutProvidersIsRejectedByName(@TempDir Path tmp) throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("p"));
        Path empty = JarBuilder.build(dir.resolve("empty.jar"), null, null, Map.of(), Map.of("readme.txt", "nothing"));
        Result r = run("--plugins", dir.toString(), "plugins");
        assertEquals(2, r.code, r.err);
        assertTrue(r.err.contains(empty.toString()) && r.err.contains("provides no mdlm plugins"), r.err);
    }

    @Test
    void aCorruptJarIsRejectedByName(@TempDir Path tmp) throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("p"));
        Path bad = Files.write(dir.resolve("broken.jar"), new byte[] {1, 2, 3, 4, 5});
        Result r = run("--plugins", dir.toString(), "presets");
        assertEquals(2, r.code, r.err);
        assertTrue(r.err.contains(bad.toString()) && r.err.contains("not a readable jar"), r.err);
    }

    @Test
    void aProviderThatCannotBeCreatedIsRejectedByName(@TempDir Path tmp) throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("p"));
        Path bad = JarBuilder.build(dir.resolve("missing-class.jar"), null, null, Map.of(),
                Map.of("META-INF/services/org.mdlm.api.domain.DomainProvider", "org.example.NoSuchProvider\n"));
        Result r = run("--plugins", dir.toString(), "plugins");
        assertEquals(2, r.code, r.err);
        assertTrue(r.err.contains(bad.toString()) && r.err.contains("could not be loaded"), r.err);
    }

    @Test
    void aNameCollisionNamesBothSources(@TempDir Path tmp) throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("p"));
        String src = """
                package org.example.clash;
                public final class Clash implements org.mdlm.api.domain.DomainProvider<Clash.Cfg> {
                    public record Cfg(String data) { }
                    public String name() { return "text8"; }
                    public Class<Cfg> configType() { return Cfg.class; }
                    public Cfg defaultConfig() { return new Cfg(null); }
                    public org.mdlm.api.domain.Domain create(Cfg c) { throw new UnsupportedOperationException(); }
                }
                """;
        Path clash = JarBuilder.build(dir.resolve("clash.jar"), null, null, Map.of("org.example.clash.Clash", src),
                Map.of("META-INF/services/org.mdlm.api.domain.DomainProvider", "org.example.clash.Clash\n"));
        Result r = run("--plugins", dir.toString(), "plugins");
        assertEquals(2, r.code, r.err);
        assertTrue(r.err.contains("two domain providers are named 'text8'"), r.err);
        assertTrue(r.err.contains(clash.toString()), r.err);
    }

    @Test
    void aMissingPluginFolderIsReported(@TempDir Path tmp) {
        Result r = run("--plugins", tmp.resolve("nope").toString(), "plugins");
        assertEquals(2, r.code, r.err);
        assertTrue(r.err.contains("plugin folder"), r.err);
    }

    private static Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.execute(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Result(code, out.toString(), err.toString());
    }

    private record Result(int code, String out, String err) {
    }
}
