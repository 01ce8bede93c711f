package org.mdlm.testkit;

import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Where every module's tests find their data (shared through mdlm-api's test jar): the project's {@code testdata/} folder, found by
 * walking up from the module folder (the tests' working directory), and, for the tests tagged
 * {@code data}, the folder of the full real corpora given to the Maven profile "data".
 */
public final class TestData {

    private TestData() {
    }

    /** The {@code testdata/} folder; fails naming every path tried when there is none. */
    public static Path root() {
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
    public static Path path(String relative) {
        Path p = root().resolve(relative);
        if (!Files.exists(p)) {
            fail("test data missing: " + p);
        }
        return p;
    }

    /**
     * The folder of the full corpora for tests tagged {@code data}: the system property
     * {@code mdlm.data} (the profile passes {@code -Dmdlm.data} on) or else the environment variable
     * {@code MDLM_DATA}; a relative path is taken from the project folder. Fails (never skips)
     * naming the path tried when the folder is missing, or saying how to give it when none is given.
     */
    public static Path dataFolder() {
        String given = System.getProperty("mdlm.data");
        String from = "-Dmdlm.data";
        if (given == null || given.isBlank()) {
            given = System.getenv("MDLM_DATA");
            from = "MDLM_DATA";
        }
        if (given == null || given.isBlank()) {
            return fail("the tests tagged 'data' read the full corpora: give their folder with"
                    + " -Dmdlm.data=PATH or MDLM_DATA=PATH, e.g. mvn verify -Pdata -Dmdlm.data=../shared/data");
        }
        Path folder = root().getParent().resolve(given).normalize();
        if (!Files.isDirectory(folder)) {
            fail("data folder not found: " + folder + " (from " + from + "=" + given + ")");
        }
        return folder;
    }

    /** A file or folder inside {@link #dataFolder()}; fails naming the path when it is missing. */
    public static Path data(String relative) {
        Path p = dataFolder().resolve(relative);
        if (!Files.exists(p)) {
            fail("data missing: " + p + " (the data folder is " + dataFolder() + ")");
        }
        return p;
    }

    /** The folder {@code testdata/fixtures/<name>} (a reference fixture); fails naming the path when it is missing. */
    public static Path fixture(String name) {
        return path("fixtures/" + name);
    }
}
