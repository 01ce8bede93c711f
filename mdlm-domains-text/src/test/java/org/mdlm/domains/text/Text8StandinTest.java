package org.mdlm.domains.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.mdlm.api.domain.Split;
import org.mdlm.api.domain.TokenStream;
import org.mdlm.testkit.TestData;

/** Reads the whole real text8-standin corpus of the data folder given to the profile "data". */
@Tag("data")
class Text8StandinTest {

    private static Path standin() {
        return TestData.data("text/text8-standin");
    }

    private static Text8Domain domain() {
        return new Text8Domain(new Text8Config(standin().toString()));
    }

    private static long[] histogram(TokenStream s) {
        long[] counts = new long[28];
        int[] buf = new int[1 << 16];
        for (long off = 0; off < s.length(); off += buf.length) {
            int n = (int) Math.min(buf.length, s.length() - off);
            s.read(off, buf, 0, n);
            for (int i = 0; i < n; i++) {
                counts[buf[i]]++;
            }
        }
        return counts;
    }

    private static String gunzip(Path file) throws IOException {
        try (InputStream in = new GZIPInputStream(Files.newInputStream(file))) {
            return new String(in.readAllBytes(), StandardCharsets.US_ASCII);
        }
    }

    @Test
    void validSplitHasTheManifestLengthAndOnlyCharacterIds() {
        long t0 = System.nanoTime();
        TokenStream valid = domain().read(Split.VALID);
        double seconds = (System.nanoTime() - t0) / 1e9;
        assertEquals(3_760_470L, valid.length(), "MANIFEST.tsv length of text8-standin valid");
        long[] counts = histogram(valid);
        assertEquals(0, counts[27], "no mask ids");
        assertTrue(counts[26] > valid.length() / 10, "spaces present");
        assertTrue(seconds < 20, "reading 3.8M characters took " + seconds + " s");
    }

    @Test
    void trainSplitOf74MillionCharactersReadsInSeconds() {
        long t0 = System.nanoTime();
        TokenStream train = domain().read(Split.TRAIN);
        double seconds = (System.nanoTime() - t0) / 1e9;
        assertEquals(73_896_608L, train.length(), "MANIFEST.tsv length of text8-standin train");
        int[] head = new int[5];
        train.read(0, head, 0, 5);
        for (int id : head) {
            assertTrue(id >= 0 && id <= 26);
        }
        assertTrue(seconds < 60, "reading 74M characters took " + seconds + " s; should take seconds");
    }

    /**
     * Each split of testdata/text/text8-slice is two character ranges of the same split here, joined
     * by a space: the ranges testdata/README.md lists (made by testdata/make-slices.py).
     */
    @ParameterizedTest
    @CsvSource({"train, 55029188, 55164740, 72884569, 72904155", "valid, 2790438, 2806445, 3690533, 3760470",
        "test, 2741258, 2752149, 3726427, 3796172"})
    void theProjectsSliceIsCutFromThisSplit(String split, int a, int b, int c, int d) throws IOException {
        String full = gunzip(standin().resolve(split + ".txt.gz"));
        String slice = gunzip(TestData.path("text/text8-slice/" + split + ".txt.gz"));
        assertEquals(full.substring(a, b) + " " + full.substring(c, d), slice);
    }
}
