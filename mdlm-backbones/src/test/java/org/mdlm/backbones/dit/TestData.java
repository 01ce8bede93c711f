package org.mdlm.backbones.dit;

import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Where this module's tests find the project's test data: the folder {@code testdata/} at the top
 * of the project, found by walking up from the module folder (the tests' working directory).
 */
final class TestData {

    private TestData() {
    }

    /** The {@code testdata/} folder; fails naming every path tried when there is none. */
    static Path root() {
        List<Path> tried = new ArrayList<>();
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("testdata");
            if (Files.isDirectory(candidate)) {
                return candidate;
            }
            tried.add(candidate);
        }
        return fail("the project's test data folder was not found; tried " + tried);
    }

    /** A file or folder inside {@code testdata/}; fails naming the path when it is missing. */
    static Path path(String relative) {
        Path p = root().resolve(relative);
        if (!Files.exists(p)) {
            fail("test data missing: " + p);
        }
        return p;
    }
}
