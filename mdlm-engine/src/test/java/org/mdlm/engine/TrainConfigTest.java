package org.mdlm.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Properties;
import org.junit.jupiter.api.Test;

class TrainConfigTest {

    @Test
    void defaultsAreTheReferenceRecipe() {
        TrainConfig d = TrainConfig.defaults();
        assertEquals(new TrainConfig(1500, 16, 128, 3e-4, 200, 0.9, 0.999, 0.0, 1.0, 0.9999, 1e-3, 10, 250, 64, 16,
                500, 3, 0L, 0L, "dense", 1), d);
        assertEquals(2048L, d.tokensPerStep());
    }

    @Test
    void invalidValuesNameTheField() {
        IllegalArgumentException lr = assertThrows(IllegalArgumentException.class,
                () -> new TrainConfig(10, 16, 128, -1, 200, 0.9, 0.999, 0, 1, 0.9999, 1e-3, 10, 0, 1, 1, 0, 0, 0, 0, null, 1));
        assertTrue(lr.getMessage().startsWith("lr must be in (0, 1]") && lr.getMessage().contains("-1.0"),
                lr.getMessage());
        IllegalArgumentException beta = assertThrows(IllegalArgumentException.class,
                () -> new TrainConfig(10, 16, 128, 1e-3, 200, 1.0, 0.999, 0, 1, 0.9999, 1e-3, 10, 0, 1, 1, 0, 0, 0, 0, null, 1));
        assertTrue(beta.getMessage().startsWith("beta1"), beta.getMessage());
        IllegalArgumentException steps = assertThrows(IllegalArgumentException.class,
                () -> new TrainConfig(0, 16, 128, 1e-3, 200, 0.9, 0.999, 0, 1, 0.9999, 1e-3, 10, 0, 1, 1, 0, 0, 0, 0, null, 1));
        assertEquals("steps must be >= 1, got 0", steps.getMessage());
        IllegalArgumentException eps = assertThrows(IllegalArgumentException.class,
                () -> new TrainConfig(1, 16, 128, 1e-3, 200, 0.9, 0.999, 0, 1, 0.9999, 0, 10, 0, 1, 1, 0, 0, 0, 0, null, 1));
        assertTrue(eps.getMessage().startsWith("samplingEps"), eps.getMessage());
        IllegalArgumentException update = assertThrows(IllegalArgumentException.class,
                () -> TrainConfig.builder().embeddingUpdate("sparse").build());
        assertEquals("embeddingUpdate must be \"dense\" or \"lazy\", got \"sparse\"", update.getMessage());
    }

    @Test
    void propertiesRoundTripIsExact() {
        TrainConfig c = new TrainConfig(7, 3, 9, 1.0 / 3, 2, 0.8, 0.95, 0.1, 0.5, 0.99, 1.0 / 7, 2, 3, 4, 5, 6, 1,
                -42L, 11L, "lazy", 2);
        Properties p = new Properties();
        TrainConfigProperties.write(c, p);
        assertEquals("0.3333333333333333", p.getProperty("config.lr"));
        assertEquals(c, TrainConfigProperties.read(p));
        assertEquals(c.toBuilder().evalSeed(11L).build(), c, "the builder carries every field");
        p.remove("config.embeddingUpdate");
        assertEquals(c.toBuilder().embeddingUpdate("dense").build(), TrainConfigProperties.read(p),
                "checkpoints written before the lazy update existed read as dense");
        TrainConfigProperties.write(c, p);
        p.remove("config.evalSeed");
        assertEquals(c.toBuilder().evalSeed(0L).build(), TrainConfigProperties.read(p),
                "checkpoints written before the evaluation seed existed read as evaluation seed 0");
        p.remove("config.seed");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> TrainConfigProperties.read(p));
        assertTrue(e.getMessage().contains("config.seed"), e.getMessage());
    }

    @Test
    void periodicEvaluationDrawsDoNotDependOnTheTrainingSeed() {
        EvalRequest a = EvalRequest.of(Fixtures.config(5, 1, 0).toBuilder().seed(1L).build());
        EvalRequest b = EvalRequest.of(Fixtures.config(5, 1, 0).toBuilder().seed(2L).build());
        assertEquals(a, b);
        assertEquals(9L, EvalRequest.of(Fixtures.config(5, 1, 0).toBuilder().evalSeed(9L).build()).seed());
    }

    @Test
    void modelSpecChecksTheMaskId() {
        ModelSpec ok = Fixtures.spec(8);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new ModelSpec(ok.backbone(),
                ok.objective(), ok.schedule(), 8, 8, "x"));
        assertTrue(e.getMessage().contains("maskId must be in [0, 7], got 8"), e.getMessage());
    }
}
