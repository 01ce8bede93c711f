package org.mdlm.cli.config;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class SnakeCaseKeysTest {

    @Test
    void everyCapitalStartsAWord() {
        SnakeCaseKeys k = new SnakeCaseKeys();
        assertEquals("eval_t_samples", k.translate("evalTSamples"));
        assertEquals("batch_size", k.translate("batchSize"));
        assertEquals("beta1", k.translate("beta1"));
        assertEquals("steps", k.translate("steps"));
    }
}
