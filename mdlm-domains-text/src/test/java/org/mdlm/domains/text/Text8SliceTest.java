package org.mdlm.domains.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.mdlm.api.domain.Split;
import org.mdlm.testkit.TestData;

/**
 * Reads the real slices of the project's test data (testdata/README.md): a text8-format folder cut
 * from text8-standin, and a JSON-lines sample of webtext-standin holding the documents of that
 * folder's validation split before normalisation.
 */
class Text8SliceTest {

    private static String gunzip(Path file) throws IOException {
        try (InputStream in = new GZIPInputStream(Files.newInputStream(file))) {
            return new String(in.readAllBytes(), StandardCharsets.US_ASCII);
        }
    }

    /** Only a-z and single spaces between words. */
    private static boolean isText8(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean space = c == ' ' && i > 0 && i < s.length() - 1 && s.charAt(i - 1) != ' ';
            if (!(c >= 'a' && c <= 'z') && !space) {
                return false;
            }
        }
        return !s.isEmpty();
    }

    @Test
    void aTextEightFolderReadsBackCharacterForCharacter() throws IOException {
        Path folder = TestData.path("text/text8-slice");
        Text8Domain d = new Text8Domain(new Text8Config(folder.toString()));
        for (Split split : Split.values()) {
            String file = gunzip(folder.resolve(split.name().toLowerCase(java.util.Locale.ROOT) + ".txt.gz"));
            assertTrue(file.length() > 50_000 && isText8(file), split + " is text8-format text");
            assertEquals(file, TestFiles.text(d.read(split)), split + ": text8 text is read unchanged");
        }
    }

    /**
     * The reference pipeline that made text8-standin normalised these documents independently of
     * {@link TextNormalizer}; reading their raw JSON lines must give the same characters.
     */
    @Test
    void theJsonLinesSampleNormalisesToTheTextEightOfTheSameDocuments() throws IOException {
        Path sample = TestData.path("text/webtext-sample.jsonl.gz");
        Text8Domain d = new Text8Domain(new Text8Config(sample.toString()));
        String read = TestFiles.text(d.read(Split.TRAIN)) + TestFiles.text(d.read(Split.VALID))
                + TestFiles.text(d.read(Split.TEST));
        String reference = gunzip(TestData.path("text/text8-slice/valid.txt.gz"));
        assertEquals(reference.length(), read.length(), "characters after normalisation");
        assertEquals(reference, read);
    }
}
