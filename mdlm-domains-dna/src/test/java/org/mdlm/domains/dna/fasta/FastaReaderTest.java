package org.mdlm.domains.dna.fasta;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mdlm.api.domain.DataException;

class FastaReaderTest {

    /** Two records: soft-masked bases, IUPAC codes, CRLF line ends, a comment and a blank line. */
    static final String FASTA = ">seq1 first record\nACGTacgt\nNNNNrykm\n;a comment\n\n>seq2\r\nggCC\r\nnnA\n";

    @TempDir
    Path dir;

    private static Genome read(String text) {
        return read(text.getBytes(StandardCharsets.US_ASCII));
    }

    private static Genome read(byte[] bytes) {
        return FastaReader.read(new ByteArrayInputStream(bytes), "test.fa", new MemoryBaseSink(12));
    }

    private static void assertTwoRecords(Genome g) {
        assertEquals(List.of(new Chromosome("seq1", 0, 16), new Chromosome("seq2", 16, 7)), g.chromosomes());
        assertEquals("ACGTACGTNNNNNNNN", TestGenomes.text(g.bases(), 0, 16), "upper case; IUPAC codes are N");
        assertEquals("GGCCNNA", TestGenomes.text(g.bases(), 16, 7));
        assertEquals(2, g.nRuns().size(), "one run per record");
        assertEquals(8, g.nRuns().start(0));
        assertEquals(16, g.nRuns().end(0));
        assertEquals(20, g.nRuns().start(1));
        assertEquals(22, g.nRuns().end(1));
    }

    @Test
    void readsNamesAndExactSequencesOfEveryRecord() {
        assertTwoRecords(read(FASTA));
    }

    @Test
    void readsGzipAndMultiMemberGzipCutAnywhere() throws IOException {
        assertTwoRecords(read(TestGenomes.gzip(FASTA)));
        for (int cut : new int[] {1, FASTA.indexOf("NNNN") + 2, FASTA.indexOf(">seq2") + 3, FASTA.length() - 1}) {
            assertTwoRecords(read(TestGenomes.gzip(FASTA.substring(0, cut), "", FASTA.substring(cut), "")));
        }
        Path file = Files.write(dir.resolve("two.fa.bgz"), TestGenomes.gzip(FASTA.substring(0, 30), FASTA.substring(30)));
        assertTwoRecords(FastaReader.read(file));
    }

    /** Like a pipe: available() is 0, and each read returns at most the rest of the current gzip member. */
    private static InputStream pipe(byte[] all, List<Integer> memberEnds) {
        return new InputStream() {
            private int at;

            @Override
            public int read() {
                return at < all.length ? all[at++] & 0xff : -1;
            }

            @Override
            public int read(byte[] b, int off, int len) {
                if (at >= all.length) {
                    return -1;
                }
                int end = memberEnds.stream().filter(e -> e > at).findFirst().orElse(all.length);
                int n = Math.min(len, end - at);
                System.arraycopy(all, at, b, off, n);
                at += n;
                return n;
            }

            @Override
            public int available() {
                return 0;
            }
        };
    }

    @Test
    void readsEveryMemberFromAPipeWhereTheJdkGzipStreamStopsAfterTheFirst() throws IOException {
        Map<String, String> seqs = TestGenomes.random(9, 3, 3000, 5000, 0.001, 50);
        String text = TestGenomes.fasta(seqs, 70);
        List<String> members = new ArrayList<>();
        for (int i = 0; i < text.length(); i += 1000) {
            members.add(text.substring(i, Math.min(text.length(), i + 1000)));
        }
        List<Integer> ends = new ArrayList<>();
        byte[] all = new byte[0];
        for (String m : members) {
            byte[] one = TestGenomes.gzip(m);
            all = Arrays.copyOf(all, all.length + one.length);
            System.arraycopy(one, 0, all, all.length - one.length, one.length);
            ends.add(all.length);
        }
        Genome g = FastaReader.read(pipe(all, ends), "a pipe", new MemoryBaseSink(12));
        assertEquals(List.copyOf(seqs.keySet()), g.chromosomes().stream().map(Chromosome::name).toList());
        for (Chromosome c : g.chromosomes()) {
            assertEquals(seqs.get(c.name()), TestGenomes.text(g.bases(), c.start(), (int) c.length()), c.name());
        }
        byte[] jdk = new GZIPInputStream(new java.io.BufferedInputStream(pipe(all, ends), 1 << 16), 1 << 16).readAllBytes();
        assertEquals(members.get(0).length(), jdk.length, "Java 17's GZIPInputStream stops after the first member "
                + "of this pipe (JDK-7036144): the reason this reader decompresses with Commons Compress");
    }

    @Test
    void readsStandardInputStyleStreamsOfManyRecordsIntoSmallSegments() {
        Map<String, String> seqs = TestGenomes.random(4, 12, 1, 9000, 0.01, 300);
        Genome g = FastaReader.read(new ByteArrayInputStream(TestGenomes.fasta(seqs, 61).getBytes(StandardCharsets.US_ASCII)),
                "standard input", new MemoryBaseSink(12));
        long at = 0;
        int i = 0;
        for (Map.Entry<String, String> e : seqs.entrySet()) {
            Chromosome c = g.chromosomes().get(i++);
            assertEquals(new Chromosome(e.getKey(), at, e.getValue().length()), c);
            assertEquals(e.getValue(), TestGenomes.text(g.bases(), c.start(), (int) c.length()),
                    "exact sequence of " + c.name() + " across 4 KiB segments");
            at += c.length();
        }
        long n = seqs.values().stream().mapToLong(s -> s.chars().filter(ch -> ch == 'N').count()).sum();
        assertEquals(n, g.nRuns().total());
    }

    private static void assertRefused(String text, String... parts) {
        DataException e = assertThrows(DataException.class, () -> read(text));
        for (String p : parts) {
            assertTrue(e.getMessage().contains(p), "'" + p + "' in: " + e.getMessage());
        }
    }

    @Test
    void malformedInputIsReportedWithFileAndLine() {
        assertRefused("ACGT\n>chr1\nACGT\n", "test.fa, line 1, column 1", "not FASTA", "before any '>' header");
        assertRefused("\n\n  hello\n", "test.fa, line 3, column 3", "not FASTA");
        assertRefused(">chr1\nACGT\nAC-GT\n", "test.fa, line 3, column 3", "illegal character '-'", "chr1");
        assertRefused(">chr1\nACGT\nACG7\n", "line 3, column 4", "'7'");
        assertRefused(">chr1\nAC\u00c4GT\n".replace('\u00c4', 'x'), "line 2, column 3", "'x'");
        assertRefused(">chr1\nACGT>\n", "line 2, column 5", "'>'");
        assertRefused(">chr1 a\n>chr2 b\nACGT\n", "test.fa, line 1", "chr1 has no bases");
        assertRefused(">chr1\nACGT\n>chr2\n", "line 3", "chr2 has no bases");
        assertRefused(">chr1\nACGT\n>chr1\nGG\n", "line 3", "chr1 was already used on line 1");
        assertRefused(">\nACGT\n", "line 1", "no name");
        assertRefused("", "holds no FASTA record (it is empty)");
        assertRefused("\n;only a comment\n", "holds no FASTA record");
    }

    @Test
    void refusesNonAsciiBytesByValue() {
        byte[] bytes = ">c\nAC\u00c4\n".getBytes(StandardCharsets.UTF_8);
        DataException e = assertThrows(DataException.class, () -> read(bytes));
        assertTrue(e.getMessage().contains("byte 0xC3") && e.getMessage().contains("line 2, column 3"), e.getMessage());
    }

    @Test
    void missingTruncatedAndNonFastaFilesAreDataExceptions() throws IOException {
        Path text = Files.writeString(dir.resolve("notes.txt"), "hello ACGT\n");
        DataException e = assertThrows(DataException.class, () -> FastaReader.read(text));
        assertTrue(e.getMessage().contains("not FASTA") && e.getMessage().contains(text.toString()), e.getMessage());
        Path missing = dir.resolve("missing.fa");
        e = assertThrows(DataException.class, () -> FastaReader.read(missing));
        assertTrue(e.getMessage().contains(missing.toString()), e.getMessage());
        byte[] gz = TestGenomes.gzip(FASTA.repeat(1).replace("seq", "s") + TestGenomes.fasta(
                TestGenomes.random(2, 2, 20000, 20000, 0, 1), 60));
        Path truncated = Files.write(dir.resolve("cut.fa.gz"), Arrays.copyOf(gz, gz.length / 2));
        e = assertThrows(DataException.class, () -> FastaReader.read(truncated));
        assertTrue(e.getMessage().contains("could not read") && e.getMessage().contains("cut.fa.gz"), e.getMessage());
    }

    @Test
    void anUnfinishedFileSinkDeletesItsFile() throws IOException {
        Path file = dir.resolve("bases.tmp");
        assertThrows(DataException.class, () -> FastaReader.read(
                new ByteArrayInputStream(">a\nAC\n>a\nGG\n".getBytes(StandardCharsets.US_ASCII)), "x", new FileBaseSink(file)));
        assertTrue(Files.notExists(file), "the partial bases file is gone");
        Genome g = FastaReader.read(new ByteArrayInputStream(FASTA.getBytes(StandardCharsets.US_ASCII)), "x",
                new FileBaseSink(file));
        assertTwoRecords(g);
        assertEquals(23, Files.size(file), "one byte per base");
    }
}
