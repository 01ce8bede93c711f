package org.mdlm.engine.finetune;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mdlm.api.domain.DataException;

/** Task files: header, rows, labels, unknown letters, and every malformed input named with its line. */
class TaskFileReaderTest {

    @TempDir
    Path dir;

    private Path file(String text) throws IOException {
        Path p = dir.resolve("task.tsv");
        Files.writeString(p, text);
        return p;
    }

    @Test
    void readsRowsAfterTheHeaderWithSortedClassesAndTheirLines() throws IOException {
        Path p = file("seq\tlabel\r\nACGT\tn\r\n\r\ntgca\tei\r\nGGCC\tie\r\n");
        ClassificationTask t = TaskFileReader.read(p, new LetterDomain(false), 0);
        assertEquals(List.of("ei", "ie", "n"), t.classes());
        assertEquals(3, t.size());
        assertEquals(4, t.length());
        assertArrayEquals(new int[] {0, 1, 2, 3}, t.rows().get(0).tokens());
        assertArrayEquals(new int[] {3, 2, 1, 0}, t.rows().get(1).tokens(), "lower case reads as upper case");
        assertArrayEquals(new int[] {2, 0, 1}, t.labels(), "n, ei, ie");
        assertEquals(List.of(2, 4, 5), t.rows().stream().map(LabeledSequence::line).toList(), "file lines");
        assertEquals(0, t.changedCharacters());
    }

    @Test
    void lettersTheDomainDoesNotKnowBecomeNAndAreCounted() throws IOException {
        ClassificationTask t = TaskFileReader.read(file("ACDN\ta\nSRGT\tb\n"), new LetterDomain(false), 0);
        assertArrayEquals(new int[] {0, 1, 4, 4}, t.rows().get(0).tokens());
        assertArrayEquals(new int[] {4, 4, 2, 3}, t.rows().get(1).tokens());
        assertEquals(3, t.changedCharacters(), "D, S and R were read as N; N stays N");
    }

    @Test
    void aMalformedRowIsReportedWithItsFileAndLine() throws IOException {
        Path p = file("seq\tlabel\nACGT\ta\nACGT\tb\textra\n");
        DataException e = assertThrows(DataException.class, () -> TaskFileReader.read(p, new LetterDomain(false), 0));
        assertTrue(e.getMessage().startsWith(p + ":3: malformed row"), e.getMessage());
        assertTrue(e.getMessage().contains("found 3"), e.getMessage());

        Path q = file("ACGT\ta\nACGT\t \n");
        e = assertThrows(DataException.class, () -> TaskFileReader.read(q, new LetterDomain(false), 0));
        assertTrue(e.getMessage().startsWith(q + ":2: malformed row: the label is empty"), e.getMessage());

        Path r = file("ACGT a\n");
        e = assertThrows(DataException.class, () -> TaskFileReader.read(r, new LetterDomain(false), 0));
        assertTrue(e.getMessage().startsWith(r + ":1: malformed row"), e.getMessage());
    }

    @Test
    void aMissingFileIsNamed() {
        Path p = dir.resolve("nothing.tsv");
        DataException e = assertThrows(DataException.class, () -> TaskFileReader.read(p, new LetterDomain(false), 0));
        assertTrue(e.getMessage().contains(p + " does not exist"), e.getMessage());
    }

    @Test
    void unequalLengthsAreRefusedWithoutAPadAndPaddedWithOne() throws IOException {
        Path p = file("seq\tlabel\nACGT\ta\nACG\tb\nACGT\tb\n");
        DataException e = assertThrows(DataException.class, () -> TaskFileReader.read(p, new LetterDomain(false), 0));
        assertTrue(e.getMessage().startsWith(p + ":3: this sequence has 3 tokens but the one on line 2 has 4"),
                e.getMessage());
        assertTrue(e.getMessage().contains("no padding token"), e.getMessage());

        ClassificationTask t = TaskFileReader.read(p, new LetterDomain(true), 0);
        assertEquals(4, t.length());
        assertArrayEquals(new int[] {0, 1, 2, LetterDomain.PAD}, t.rows().get(1).tokens());
        assertEquals(1, t.paddedRows());
    }

    @Test
    void aLimitReadsTheFirstRowsAndNeedsTwoLabels() throws IOException {
        Path p = file("AAAA\tx\nCCCC\ty\nGGGG\tx\n");
        ClassificationTask t = TaskFileReader.read(p, new LetterDomain(false), 2);
        assertEquals(2, t.size());
        DataException e = assertThrows(DataException.class,
                () -> TaskFileReader.read(file("AAAA\tx\nCCCC\tx\nGGGG\ty\n"), new LetterDomain(false), 2));
        assertTrue(e.getMessage().contains("only the label 'x' in its first 2 rows"), e.getMessage());
        assertTrue(e.getMessage().contains("raise --limit"), e.getMessage());
    }
}
