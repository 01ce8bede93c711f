package org.mdlm.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServiceDeclarationsTest {

    @Test
    void agreeingDeclarationsHaveNoDifferences(@TempDir Path dir) throws Exception {
        write(dir, "module m { provides a.S with b.X, b.Y; /* provides c.T with d.Z; */ }", "a.S", "b.X\nb.Y\n");
        assertEquals(List.of(), ServiceDeclarations.differences(dir));
    }

    @Test
    void missingServicesEntryIsReported(@TempDir Path dir) throws Exception {
        write(dir, "module m {\n  provides a.S with\n    b.X,\n    b.Y;\n}", "a.S", "# comment\nb.X\n");
        List<String> diffs = ServiceDeclarations.differences(dir);
        assertEquals(1, diffs.size());
        assertTrue(diffs.get(0).contains("b.Y"), diffs.get(0));
    }

    @Test
    void servicesFileWithoutProvidesIsReported(@TempDir Path dir) throws Exception {
        write(dir, "module m { }", "a.S", "b.X\n");
        assertEquals(1, ServiceDeclarations.differences(dir).size());
    }

    @Test
    void parsesMultilineProvides(@TempDir Path dir) throws Exception {
        write(dir, "module m {\n  provides a.S with b.X,\n    b.Y;\n  provides c.T with d.Z;\n}", "a.S", "b.X\nb.Y\n");
        Map<String, Set<String>> p = ServiceDeclarations.fromModuleInfo(dir.resolve("src/main/java/module-info.java"));
        assertEquals(Set.of("b.X", "b.Y"), p.get("a.S"));
        assertEquals(Set.of("d.Z"), p.get("c.T"));
    }

    private static void write(Path root, String moduleInfo, String service, String lines) throws Exception {
        Path mi = root.resolve("src/main/java/module-info.java");
        Files.createDirectories(mi.getParent());
        Files.writeString(mi, moduleInfo);
        Path svc = root.resolve("src/main/resources/META-INF/services/" + service);
        Files.createDirectories(svc.getParent());
        Files.writeString(svc, lines);
    }
}
