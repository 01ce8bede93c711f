package org.mdlm.domains.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.mdlm.api.domain.Split;
import org.mdlm.api.domain.TokenStream;

class EmbeddedCorpusTest {

    private final Text8Domain domain = new Text8Domain(Text8Config.defaults());

    @Test
    void allThreeSplitsLoadAndAreSubstantial() {
        assertTrue(domain.read(Split.TRAIN).length() > 1_000_000, "train > 1M characters");
        assertTrue(domain.read(Split.VALID).length() > 50_000, "valid > 50k characters");
        assertTrue(domain.read(Split.TEST).length() > 50_000, "test > 50k characters");
        assertEquals(Text8Domain.EMBEDDED_SOURCE, domain.dataSource());
        assertEquals(domain.dataSource(), new Text8Domain(new Text8Config("")).dataSource());
    }

    @Test
    void splitsAreNormalisedText8() {
        for (Split split : Split.values()) {
            String text = TestFiles.text(domain.read(split));
            assertTrue(!text.startsWith(" ") && !text.endsWith(" ") && !text.contains("  "), split.name());
            assertEquals(text, TextNormalizer.normalize(text), split.name());
        }
    }

    @Test
    void containsMobyDickAndTheStateOfTheUnion() {
        String train = TestFiles.text(domain.read(Split.TRAIN));
        assertTrue(train.contains("call me ishmael"));
        assertTrue(train.contains("fellow citizens of the senate and house of representatives"));
        assertTrue(train.contains("whale"));
        TokenStream test = domain.read(Split.TEST);
        assertTrue(TestFiles.text(test).contains("whale"));
    }

    @Test
    void letterFrequenciesLookLikeEnglish() {
        TokenStream s = domain.read(Split.TRAIN);
        int[] ids = new int[(int) s.length()];
        s.read(0, ids, 0, ids.length);
        long[] counts = new long[28];
        for (int id : ids) {
            counts[id]++;
        }
        double space = counts[26] / (double) ids.length;
        double e = counts['e' - 'a'] / (double) ids.length;
        assertTrue(space > 0.15 && space < 0.20, "space share " + space);
        assertTrue(e > 0.09 && e < 0.12, "e share " + e);
        assertEquals(0, counts[27], "no mask tokens in data");
    }
}
