package org.mdlm.domains.dna.fasta;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mdlm.api.domain.DataException;

/** The decoded-genome cache: written once, mapped afterwards, rebuilt when the source changes, never beside the data. */
class GenomeCacheTest {

    @TempDir
    Path tmp;

    private static List<Path> files(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.sorted().toList();
        }
    }

    @Test
    void aGenomeIsDecodedOnceAndMappedFromTheCacheAfterwards() throws IOException {
        Map<String, String> seqs = TestGenomes.random(5, 3, 500, 900, 0.01, 20);
        Path data = Files.createDirectories(tmp.resolve("data"));
        Path fasta = Files.write(data.resolve("g.fa.gz"), TestGenomes.gzip(TestGenomes.fasta(seqs, 60)));
        GenomeCache cache = new GenomeCache(tmp.resolve("cache"));
        Genome first = cache.load(fasta);
        assertEquals(List.of(fasta), files(data), "nothing is written beside the data");
        List<Path> entry = files(cache.directory());
        assertEquals(2, entry.size(), entry.toString());
        Path bases = entry.stream().filter(p -> p.toString().endsWith(".bases")).findFirst().orElseThrow();
        assertTrue(bases.getFileName().toString().startsWith("g.fa.gz-"), bases.toString());
        assertEquals(first.length(), Files.size(bases));

        // a second load reads the cache, not the FASTA: a marked cache file shows through
        byte[] marked = Files.readAllBytes(bases);
        marked[0] = (byte) (marked[0] == 0 ? 1 : 0);
        Files.write(bases, marked);
        Genome second = cache.load(fasta);
        assertEquals(first.chromosomes(), second.chromosomes());
        assertEquals(marked[0], second.bases().get(0), "mapped from the cache");
        assertEquals(first.nRuns().total(), second.nRuns().total());

        // a changed source (new modification time) is read again and replaces the entry
        Files.setLastModifiedTime(fasta, FileTime.fromMillis(Files.getLastModifiedTime(fasta).toMillis() + 5000));
        Genome third = cache.load(fasta);
        assertEquals("ACGTN".indexOf(seqs.get("chr1").charAt(0)), third.bases().get(0), "decoded afresh");
        assertEquals(2, files(cache.directory()).size(), "the entry was replaced, not added");
        for (Chromosome c : third.chromosomes()) {
            assertEquals(seqs.get(c.name()), TestGenomes.text(third.bases(), c.start(), (int) c.length()));
        }
    }

    @Test
    void aStreamIsKeptInATemporaryFileThatIsDeletedOnceMapped() throws IOException {
        Map<String, String> seqs = TestGenomes.random(6, 2, 300, 400, 0.0, 1);
        GenomeCache cache = new GenomeCache(tmp.resolve("c"));
        Genome g = cache.loadStream(new ByteArrayInputStream(TestGenomes.fasta(seqs, 50)
                .getBytes(StandardCharsets.US_ASCII)), "standard input");
        assertEquals(List.of(), files(cache.directory()));
        assertEquals(seqs.get("chr2"), TestGenomes.text(g.bases(), g.chromosome("chr2").orElseThrow().start(),
                seqs.get("chr2").length()), "readable after the file is gone");
    }

    @Test
    void anUnwritableCacheFolderIsExplained() throws IOException {
        Path fasta = Files.writeString(tmp.resolve("g.fa"), ">a\nACGT\n");
        Path notAFolder = Files.writeString(tmp.resolve("file"), "x");
        DataException e = assertThrows(DataException.class, () -> new GenomeCache(notAFolder).load(fasta));
        assertTrue(e.getMessage().contains("cache_dir") && e.getMessage().contains(notAFolder.toString()), e.getMessage());
    }

    @Test
    void theDefaultFolderIsDnaInMdlmsCacheFolder() {
        String before = System.getProperty("mdlm.cache.dir");
        try {
            System.setProperty("mdlm.cache.dir", tmp.toString());
            assertEquals(tmp.resolve("dna"), GenomeCache.defaultDirectory());
            System.clearProperty("mdlm.cache.dir");
            String env = System.getenv("MDLM_CACHE");
            assertEquals(env != null && !env.isBlank() ? Path.of(env, "dna")
                    : Path.of(System.getProperty("user.home"), ".cache", "mdlm", "dna"), GenomeCache.defaultDirectory());
        } finally {
            if (before != null) {
                System.setProperty("mdlm.cache.dir", before);
            }
        }
    }
}
