package org.mdlm.cli;

import java.nio.file.Files;
import java.nio.file.Path;

/** Finds the project's own test data ({@code testdata/} at the top of the project) from a module folder. */
final class TestData {

    private TestData() {
    }

    /** The folder {@code testdata/fixtures/<name>}, found by walking up from the working folder. */
    static Path fixture(String name) {
        Path start = Path.of("").toAbsolutePath();
        for (Path p = start; p != null; p = p.getParent()) {
            Path candidate = p.resolve("testdata").resolve("fixtures").resolve(name);
            if (Files.isDirectory(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException("test fixture 'testdata/fixtures/" + name + "' not found in " + start
                + " or any folder above it");
    }
}
