package org.mdlm.domains.text.synthetic;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.mdlm.api.domain.DomainProvider;
import org.mdlm.api.domain.Split;
import org.mdlm.api.domain.TokenStream;
import org.mdlm.api.plugin.ExtensionPoint;
import org.mdlm.api.plugin.PluginRegistry;

class SyntheticDomainTest {

    private static SyntheticDomain domain(int vocab, double zipf) {
        return new SyntheticDomain(new SyntheticConfig(vocab, 200_000, 1_000, zipf, 7));
    }

    @Test
    void tokenFrequenciesFollowTheZipfLawWithinFourStandardErrors() {
        SyntheticDomain d = domain(101, 1.0);
        int n = 200_000;
        int[] tokens = new int[n];
        d.read(Split.TRAIN).read(0, tokens, 0, n);
        long[] counts = new long[101];
        for (int t : tokens) {
            counts[t]++;
        }
        assertEquals(0, counts[100], "the mask id never appears in the data");
        double harmonic = 0;
        for (int k = 1; k <= 100; k++) {
            harmonic += 1.0 / k;
        }
        for (int k : new int[] {0, 1, 4, 49, 99}) {
            double p = 1.0 / (k + 1) / harmonic; // p(k) = 1/((k+1) H_100)
            double se = Math.sqrt(n * p * (1 - p));
            assertEquals(n * p, counts[k], 4 * se, "count of id " + k);
        }
    }

    @Test
    void uniformLawHasEntropyLogOfTheDataIds() {
        assertEquals(Math.log(8191), domain(8192, 0.0).entropyNats(), 1e-9);
        assertTrue(domain(8192, 1.0).entropyNats() < Math.log(8191) - 0.5, "Zipf 1 is far from uniform");
    }

    @Test
    void randomAccessReadsAgreeWithOneLongRead() {
        TokenStream s = domain(8192, 1.0).read(Split.VALID);
        int[] whole = new int[1000];
        s.read(0, whole, 0, 1000);
        int[] piece = new int[300];
        s.read(450, piece, 0, 300);
        assertArrayEquals(Arrays.copyOfRange(whole, 450, 750), piece);
        assertThrows(IndexOutOfBoundsException.class, () -> s.read(900, piece, 0, 300));
    }

    @Test
    void splitsAndSeedsGiveDifferentStreams() {
        SyntheticDomain d = domain(8192, 1.0);
        int[] train = new int[500];
        int[] valid = new int[500];
        d.read(Split.TRAIN).read(0, train, 0, 500);
        d.read(Split.VALID).read(0, valid, 0, 500);
        assertFalse(Arrays.equals(train, valid));
        int[] otherSeed = new int[500];
        new SyntheticDomain(new SyntheticConfig(8192, 1000, 1000, 1.0, 8)).read(Split.TRAIN).read(0, otherSeed, 0, 500);
        assertFalse(Arrays.equals(train, otherSeed));
    }

    @Test
    void encodeAndDecodeRoundTripAndRejectUnknownWords() {
        SyntheticDomain d = domain(10, 1.0);
        int[] ids = {0, 8, 9, 3};
        assertEquals("w0 w8 [MASK] w3", d.decode(ids));
        assertArrayEquals(ids, d.encode(" w0  w8 [MASK] w3 "));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> d.encode("w0 w9"));
        assertTrue(e.getMessage().contains("w0..w8"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> d.encode("hello"));
    }

    @Test
    void configRejectsOutOfRangeValuesNamingTheField() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new SyntheticConfig(1, 10, 10, 1, 0))
                .getMessage().startsWith("vocab"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new SyntheticConfig(10, 0, 10, 1, 0))
                .getMessage().startsWith("train_tokens"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new SyntheticConfig(10, 10, 0, 1, 0))
                .getMessage().startsWith("eval_tokens"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new SyntheticConfig(10, 10, 10, Double.NaN, 0))
                .getMessage().startsWith("zipf"));
    }

    @Test
    void registryFindsTheSyntheticDomainByName() {
        DomainProvider<?> p = PluginRegistry.loadDefault().find(ExtensionPoint.DOMAIN, "synthetic", DomainProvider.class);
        assertEquals(8192, p.createFromRecord(p.defaultConfig()).vocabulary().size());
        assertEquals(8191, p.createFromRecord(p.defaultConfig()).vocabulary().maskId());
    }
}
