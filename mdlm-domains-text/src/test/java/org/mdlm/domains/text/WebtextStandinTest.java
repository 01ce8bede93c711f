package org.mdlm.domains.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.mdlm.testkit.TestData;

/** The JSON-lines sample of the project's test data against the webtext-standin corpus it came from. */
@Tag("data")
class WebtextStandinTest {

    private static List<String> lines(Path file) throws IOException {
        try (InputStream in = new GZIPInputStream(Files.newInputStream(file))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        }
    }

    @Test
    void everySampleRecordIsAVerbatimRecordOfTheValidationSplit() throws IOException {
        Set<String> valid = Set.copyOf(lines(TestData.data("text/webtext-standin/valid.jsonl.gz")));
        List<String> sample = lines(TestData.path("text/webtext-sample.jsonl.gz"));
        assertEquals(8, sample.size(), "records listed in testdata/README.md");
        for (String record : sample) {
            assertTrue(valid.contains(record), "not a record of valid.jsonl.gz: "
                    + record.substring(0, Math.min(120, record.length())));
            assertTrue(record.matches(".*\"source\": ?\"(sotu|mobydick)\".*"), "public-domain sources only");
        }
    }
}
