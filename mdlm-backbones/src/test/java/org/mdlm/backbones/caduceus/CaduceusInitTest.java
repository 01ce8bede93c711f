package org.mdlm.backbones.caduceus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Initial values follow Mamba: A_log[e, n] = log(n + 1), D = 1, softplus(dt bias) log-uniform in
 * [dt_min, dt_max], out projections scaled by 1/sqrt(layers); every variable is a function of the
 * init seed, and the two directions draw different values.
 */
class CaduceusInitTest {

    private static final CaduceusConfig CONFIG =
            new CaduceusConfig(32, 4, 8, 2, 4, 0, 0.001, 0.1, true, true, true, false, 4);

    @Test
    void initialValuesFollowMamba() {
        CaduceusGraph g = new CaduceusGraph(CONFIG, new DnaLikeVocabulary(), DataType.FLOAT, RcHead.Tying.COMPLEMENT, 9L);
        INDArray aLog = g.sd.getArrForVarName("layers.0.mixer.mamba_fwd.A_log");
        assertEquals(64, aLog.size(0));
        for (int e = 0; e < 64; e += 21) {
            for (int n = 0; n < 8; n++) {
                assertEquals(Math.log(n + 1), aLog.getDouble(e, n), 1e-6);
            }
        }
        assertEquals(64.0, g.sd.getArrForVarName("layers.2.mixer.mamba_rev.D").sumNumber().doubleValue(), 1e-9);
        INDArray bias = g.sd.getArrForVarName("layers.1.mixer.mamba_rev.dt_proj.bias");
        double lo = Double.MAX_VALUE;
        double hi = 0;
        for (int i = 0; i < bias.length(); i++) {
            double dt = Math.log1p(Math.exp(bias.getDouble(i)));
            lo = Math.min(lo, dt);
            hi = Math.max(hi, dt);
        }
        assertTrue(lo >= 0.001 * (1 - 1e-4) && hi <= 0.1 * (1 + 1e-4), "steps in [" + lo + ", " + hi + "]");
        assertTrue(lo < 0.002 && hi > 0.05, "steps spread over the range: [" + lo + ", " + hi + "]");
        // PyTorch's bound 1/sqrt(E) for out_proj, divided by sqrt(layers): 1/8/2
        double outMax = g.sd.getArrForVarName("layers.3.mixer.out_proj.weight").amaxNumber().doubleValue();
        assertTrue(outMax <= 1.0 / 16 && outMax > 0.9 / 16, "out_proj bound " + outMax);
        assertNotEquals(g.sd.getArrForVarName("layers.0.mixer.mamba_fwd.x_proj.weight"),
                g.sd.getArrForVarName("layers.0.mixer.mamba_rev.x_proj.weight"));
    }

    @Test
    void sameSeedSameValuesOtherSeedOtherValues() {
        CaduceusGraph a = new CaduceusGraph(CONFIG, new DnaLikeVocabulary(), DataType.FLOAT, RcHead.Tying.COMPLEMENT, 9L);
        CaduceusGraph b = new CaduceusGraph(CONFIG, new DnaLikeVocabulary(), DataType.FLOAT, RcHead.Tying.COMPLEMENT, 9L);
        CaduceusGraph c = new CaduceusGraph(CONFIG, new DnaLikeVocabulary(), DataType.FLOAT, RcHead.Tying.COMPLEMENT, 10L);
        for (String name : new String[] {"embedding.weight", "layers.1.mixer.in_proj.weight",
            "layers.1.mixer.mamba_rev.dt_proj.bias", "lm_head.weight"}) {
            assertEquals(a.sd.getArrForVarName(name), b.sd.getArrForVarName(name), name);
            assertNotEquals(a.sd.getArrForVarName(name), c.sd.getArrForVarName(name), name);
        }
    }
}
