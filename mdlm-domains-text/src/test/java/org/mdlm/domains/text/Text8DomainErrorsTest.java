package org.mdlm.domains.text;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mdlm.api.domain.DataException;
import org.mdlm.api.domain.Split;

class Text8DomainErrorsTest {

    @TempDir
    Path dir;

    private DataException failRead(Path data, Split split) {
        Text8Domain d = new Text8Domain(new Text8Config(data.toString()));
        return assertThrows(DataException.class, () -> d.read(split));
    }

    private static void assertMentions(DataException e, String... parts) {
        for (String p : parts) {
            assertTrue(e.getMessage().contains(p), () -> "message lacks '" + p + "': " + e.getMessage());
        }
    }

    @Test
    void missingPathNamesThePathAndTheAlternatives() {
        Path missing = dir.resolve("no-such-corpus");
        assertMentions(failRead(missing, Split.TRAIN), missing.toString(), "does not exist", "embedded");
    }

    @Test
    void directoryWithoutSplitFilesListsWhatWasExpected() throws Exception {
        TestFiles.write(dir.resolve("train.txt"), TestFiles.words("t", 300));
        TestFiles.write(dir.resolve("test.txt.gz"), TestFiles.words("t", 300));
        DataException e = failRead(dir, Split.TRAIN);
        assertMentions(e, dir.toString(), "valid.txt", "valid.txt.gz", "missing");
        assertTrue(!e.getMessage().contains("train.txt.gz"), e.getMessage());
    }

    @Test
    void emptyCorpusIsRejected() throws Exception {
        Path file = TestFiles.write(dir.resolve("empty.txt"), " ... \n!!");
        assertMentions(failRead(file, Split.VALID), file.toString(), "no text");
    }

    @Test
    void splitShorterThanTheMinimumIsRejected() throws Exception {
        Path file = TestFiles.write(dir.resolve("short.txt"), TestFiles.words("s", 600));
        DataException e = failRead(file, Split.TRAIN);
        assertMentions(e, file.toString(), "at least " + Text8Domain.MIN_SPLIT_LENGTH, "valid");
        TestFiles.write(dir.resolve("train.txt"), TestFiles.words("t", 300));
        TestFiles.write(dir.resolve("valid.txt"), "tiny");
        TestFiles.write(dir.resolve("test.txt"), TestFiles.words("t", 300));
        assertMentions(failRead(dir, Split.VALID), "valid.txt", "only 4 tokens");
    }

    @Test
    void bytesThatAreNotUtf8AreReportedNotReplaced() throws Exception {
        byte[] latin1 = ("abc " + TestFiles.words("w", 2000) + " caf\u00e9").getBytes(StandardCharsets.ISO_8859_1);
        Path file = TestFiles.writeBytes(dir.resolve("latin1.txt.gz"), latin1);
        assertMentions(failRead(file, Split.TRAIN), file.toString(), "not valid UTF-8",
                "byte offset " + (latin1.length - 1), "iconv");
        Path truncated = TestFiles.writeBytes(dir.resolve("cut.txt"), new byte[] {'a', 'b', (byte) 0xE2, (byte) 0x82});
        assertMentions(failRead(truncated, Split.TRAIN), "not valid UTF-8", "byte offset 2");
    }

    @Test
    void malformedJsonLinesNameTheLine() throws Exception {
        Path file = TestFiles.write(dir.resolve("bad.jsonl"), "{\"text\": \"ok\"}\n{\"text\": oops}\n");
        assertMentions(failRead(file, Split.TRAIN), "line 2", file.toString(), "JSON");
        Path noText = TestFiles.write(dir.resolve("notext.jsonl"), "{\"body\": \"hello\"}\n");
        assertMentions(failRead(noText, Split.TRAIN), "line 1", "\"text\"");
        Path numeric = TestFiles.write(dir.resolve("num.jsonl"), "{\"text\": 12}\n");
        assertMentions(failRead(numeric, Split.TRAIN), "not a string");
    }

    @Test
    void corruptGzipIsADataException() throws Exception {
        byte[] gz = Files.readAllBytes(TestFiles.write(dir.resolve("ok.txt.gz"), TestFiles.words("w", 3000)));
        byte[] cut = java.util.Arrays.copyOf(gz, gz.length / 2);
        Path file = TestFiles.writeBytes(dir.resolve("cut.txt"), cut);
        assertMentions(failRead(file, Split.TRAIN), file.toString(), "could not read");
    }
}
