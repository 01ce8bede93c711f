package org.mdlm.cli.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

class ModelFlopsTest {

    @Test
    void tinyForwardCountsProjectionsAndAttentionButNotTheEmbeddingLookup() {
        ObjectNode model = new ObjectMapper().createObjectNode().put("hidden", 128).put("blocks", 2).put("mlp_ratio", 4);
        // per token: output 28*128 + per block (qkv 3H^2 + attention out H^2 + MLP 8H^2) = 3584 + 2*196608
        // weights, 2 FLOPs each, plus 4*L*H per block for scores and weighted sum.
        double perToken = 2 * (28 * 128 + 2 * 12 * 128 * 128) + 2 * 4 * 128 * 128;
        assertEquals(perToken * 16 * 128, ModelFlops.forward(model, 28, 16, 128), 0.0);
        assertEquals(1.8937e9, ModelFlops.forward(model, 28, 16, 128), 1e5);
    }

    @Test
    void notADitConfigGivesNaN() {
        assertTrue(Double.isNaN(ModelFlops.forward(new ObjectMapper().createObjectNode().put("layers", 3), 28, 16, 128)));
    }
}
