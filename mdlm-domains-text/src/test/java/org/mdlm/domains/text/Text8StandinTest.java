package org.mdlm.domains.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.mdlm.api.domain.Split;
import org.mdlm.api.domain.TokenStream;

/** Reads the real text8-standin corpus of the shared data folder (present in CI). */
class Text8StandinTest {

    private static final Path STANDIN = Path.of("../../shared/data/text/text8-standin");

    private static Text8Domain domain() {
        if (!Files.isDirectory(STANDIN)) {
            fail("shared data missing: expected the text8-standin corpus at " + STANDIN.toAbsolutePath()
                    + " (it is present in CI; check out ../shared next to the project)");
        }
        return new Text8Domain(new Text8Config(STANDIN.toString()));
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
}
