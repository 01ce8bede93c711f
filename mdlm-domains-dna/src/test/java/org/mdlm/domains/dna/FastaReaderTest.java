package org.mdlm.domains.dna;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mdlm.api.domain.DataException;

class FastaReaderTest {

    static final String FASTA = ">seq1 first record\nACGTacgt\nNNNNrykm\n>seq2\r\nggCC\r\nnnA\n";
    static final byte[] IDS = {0, 1, 2, 3, 0, 1, 2, 3, 4, 4, 4, 4, 4, 4, 4, 4, 2, 2, 1, 1, 4, 4, 0};

    @TempDir
    Path dir;

    static byte[] gzip(String... members) throws IOException {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        for (String m : members) {
            ByteArrayOutputStream one = new ByteArrayOutputStream();
            try (OutputStream out = new GZIPOutputStream(one)) {
                out.write(m.getBytes(StandardCharsets.US_ASCII));
            }
            all.write(one.toByteArray());
        }
        return all.toByteArray();
    }

    @Test
    void readsPlainFastaConcatenatingRecordsAndMappingToIds() throws IOException {
        Path file = Files.writeString(dir.resolve("two.fa"), FASTA);
        assertArrayEquals(IDS, FastaReader.read(file));
    }

    @Test
    void readsGzipAndMultiMemberBgzipStyleFiles() throws IOException {
        Path gz = Files.write(dir.resolve("two.fa.gz"), gzip(FASTA));
        assertArrayEquals(IDS, FastaReader.read(gz));
        int cut = FASTA.indexOf("NNNN") + 2;
        Path multi = Files.write(dir.resolve("multi.bgz"),
                gzip(FASTA.substring(0, cut), FASTA.substring(cut), ""));
        assertArrayEquals(IDS, FastaReader.read(multi), "every gzip member is read, like bgzip blocks");
    }

    @Test
    void limitReadsOnlyAPrefix() throws IOException {
        Path file = Files.write(dir.resolve("two.fa.gz"), gzip(FASTA));
        assertArrayEquals(new byte[] {0, 1, 2, 3, 0}, FastaReader.read(file, 5));
        assertEquals(0, FastaReader.read(file, 0).length);
        assertArrayEquals(IDS, FastaReader.read(file, 1000));
        assertThrows(IllegalArgumentException.class, () -> FastaReader.read(file, -1));
    }

    @Test
    void headerOnlyFileHasNoBases() throws IOException {
        Path file = Files.writeString(dir.resolve("empty.fa"), ">nothing here\n\n");
        assertEquals(0, FastaReader.read(file).length);
    }

    @Test
    void nonFastaAndMissingFilesAreDataExceptions() throws IOException {
        Path text = Files.writeString(dir.resolve("notes.txt"), "hello ACGT\n");
        DataException e = assertThrows(DataException.class, () -> FastaReader.read(text));
        assertTrue(e.getMessage().contains("not FASTA") && e.getMessage().contains(text.toString()), e.getMessage());
        Path missing = dir.resolve("missing.fa");
        e = assertThrows(DataException.class, () -> FastaReader.read(missing));
        assertTrue(e.getMessage().contains(missing.toString()), e.getMessage());
        byte[] gz = gzip(FASTA.repeat(2000));
        Path truncated = Files.write(dir.resolve("cut.fa.gz"), java.util.Arrays.copyOf(gz, gz.length / 2));
        e = assertThrows(DataException.class, () -> FastaReader.read(truncated));
        assertTrue(e.getMessage().contains("could not read"), e.getMessage());
    }
}
