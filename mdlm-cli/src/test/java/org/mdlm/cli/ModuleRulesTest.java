package org.mdlm.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The house rules of ARCHITECTURE.md, read from the module descriptors and poms: plugin modules and
 * the engine require mdlm-api and no other mdlm module, and the CLI reaches plugins only at run time.
 */
class ModuleRulesTest {

    private static final Pattern REQUIRES = Pattern.compile("^\\s*requires\\s+(?:transitive\\s+|static\\s+)*([\\w.]+)\\s*;",
            Pattern.MULTILINE);
    private static final List<String> API_ONLY = List.of("mdlm-process", "mdlm-backbones", "mdlm-samplers",
            "mdlm-domains-text", "mdlm-domains-dna", "mdlm-engine");

    /** Of the project's modules; a plugin may use libraries of its own (mdlm-domains-text: JTokkit). */
    @Test
    void pluginModulesAndTheEngineRequireTheApiOnly() throws IOException {
        for (String module : API_ONLY) {
            assertEquals(List.of("org.mdlm.api"), requires(module).stream().filter(r -> r.startsWith("org.mdlm.")).toList(),
                    module + " must require org.mdlm.api and no other mdlm module");
        }
    }

    @Test
    void theCliCompilesAgainstTheApiAndTheEngineAndLoadsPluginsAtRunTime() throws IOException {
        List<String> cli = requires("mdlm-cli");
        assertTrue(cli.contains("org.mdlm.engine") && cli.contains("org.mdlm.api"), cli.toString());
        assertTrue(cli.stream().noneMatch(r -> r.startsWith("org.mdlm.") && !r.equals("org.mdlm.api")
                && !r.equals("org.mdlm.engine")), "no plugin module at compile time: " + cli);
        String pom = Files.readString(project().resolve("mdlm-cli/pom.xml"));
        for (String plugin : List.of("mdlm-process", "mdlm-backbones", "mdlm-samplers", "mdlm-domains-text",
                "mdlm-domains-dna")) {
            Matcher m = Pattern.compile("<artifactId>" + plugin + "</artifactId>(?:(?!</dependency>).)*<scope>runtime</scope>",
                    Pattern.DOTALL).matcher(pom);
            assertTrue(m.find(), plugin + " is a runtime dependency of mdlm-cli");
        }
    }

    /** Spark reaches no launch but a Spark one: the CLI's class path never holds it, mdlm-spark only as provided. */
    @Test
    void sparkStaysOffTheClassPathOfTheCli() throws IOException {
        String cli = Files.readString(project().resolve("mdlm-cli/pom.xml"));
        assertTrue(!cli.contains("spark"), "mdlm-cli must not depend on Spark or mdlm-spark");
        String parent = Files.readString(project().resolve("pom.xml"));
        Matcher managed = Pattern.compile("<dependency>\\s*<groupId>org\\.apache\\.spark</groupId>(?:(?!</dependency>).)*</dependency>",
                Pattern.DOTALL).matcher(parent);
        int count = 0;
        while (managed.find()) {
            count++;
            assertTrue(managed.group().contains("<scope>provided</scope>"), "Spark is provided: " + managed.group());
        }
        assertTrue(count > 0, "the parent manages Spark's version and scope");
        String spark = Files.readString(project().resolve("mdlm-spark/pom.xml"));
        Matcher used = Pattern.compile("<groupId>org\\.apache\\.spark</groupId>(?:(?!</dependency>).)*</dependency>",
                Pattern.DOTALL).matcher(spark);
        while (used.find()) {
            assertTrue(!used.group().contains("<scope>"), "mdlm-spark keeps the managed (provided) scope: " + used.group());
        }
    }

    private static List<String> requires(String module) throws IOException {
        String src = Files.readString(project().resolve(module).resolve("src/main/java/module-info.java"))
                .replaceAll("(?s)/\\*.*?\\*/", "").replaceAll("//[^\n]*", "");
        List<String> out = new ArrayList<>();
        Matcher m = REQUIRES.matcher(src);
        while (m.find()) {
            out.add(m.group(1));
        }
        return out;
    }

    private static Path project() {
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            if (Files.isRegularFile(p.resolve("mdlm-api/pom.xml"))) {
                return p;
            }
        }
        throw new IllegalStateException("project folder not found above " + Path.of("").toAbsolutePath());
    }
}
