package org.mdlm.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

/** Under spark-submit, {@code train} computes on the master spark-submit was given. */
class SparkMainTest {

    @Test
    void trainGetsTheSubmittedMaster() {
        assertArrayEquals(new String[] {"--threads", "1", "train", "--spark", "yarn", "--preset", "tiny"},
                SparkMain.withMaster(new String[] {"--threads", "1", "train", "--preset", "tiny"}, "yarn"));
    }

    @Test
    void aCorpusTokenizationGetsTheSubmittedMaster() {
        assertArrayEquals(new String[] {"tokenize", "--spark", "yarn", "--input", "in", "--out", "out"},
                SparkMain.withMaster(new String[] {"tokenize", "--input", "in", "--out", "out"}, "yarn"));
        String[] text = {"tokenize", "Hello"};
        assertArrayEquals(text, SparkMain.withMaster(text, "yarn"), "tokenizing TEXT needs no cluster");
        assertNull(SparkMain.withMaster(new String[] {"tokenize", "--input=in"}, null));
    }

    @Test
    void anExplicitMasterAndOtherCommandsAreLeftAlone() {
        String[] explicit = {"train", "--spark", "local[2]"};
        assertArrayEquals(explicit, SparkMain.withMaster(explicit, "yarn"));
        String[] sample = {"sample", "--run", "runs/x"};
        assertArrayEquals(sample, SparkMain.withMaster(sample, null));
    }

    @Test
    void trainWithoutAMasterIsRefused() {
        assertNull(SparkMain.withMaster(new String[] {"train"}, null));
        assertNull(SparkMain.withMaster(new String[] {"train"}, " "));
    }
}
