package org.mdlm.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.mdlm.testkit.TestData;

/** testdata/README.md lists every file of the folder with its size in bytes, and nothing else. */
class TestDataReadmeTest {

    /** A table row {@code | path | bytes | ...}. */
    private static final Pattern ROW = Pattern.compile("^\\| *([^ |]+) *\\| *([0-9]+) *\\|", Pattern.MULTILINE);

    @Test
    void readmeListsEveryFileWithItsSize() throws IOException {
        Path root = TestData.root();
        Map<String, Long> listed = new TreeMap<>();
        Matcher m = ROW.matcher(Files.readString(root.resolve("README.md")));
        while (m.find()) {
            assertTrue(listed.put(m.group(1), Long.parseLong(m.group(2))) == null, "listed twice: " + m.group(1));
        }
        Map<String, Long> present;
        try (Stream<Path> files = Files.walk(root)) {
            present = files.filter(Files::isRegularFile).filter(p -> !p.equals(root.resolve("README.md")))
                    .collect(Collectors.toMap(p -> root.relativize(p).toString().replace('\\', '/'), p -> size(p),
                            (a, b) -> a, TreeMap::new));
        }
        assertEquals(present.keySet(), listed.keySet(), "files in " + root + " versus the rows of its README.md");
        assertEquals(present, listed, "sizes in bytes");
    }

    private static long size(Path p) {
        try {
            return Files.size(p);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
