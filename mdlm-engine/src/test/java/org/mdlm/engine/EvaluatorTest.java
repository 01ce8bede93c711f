package org.mdlm.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;

class EvaluatorTest {

    private final ModelSpec spec = Fixtures.spec(16);

    private Map<String, INDArray> initialWeights() {
        Map<String, INDArray> m = new TreeMap<>();
        ModelGraph.build(spec, false, true, 3L).params().forEach((k, v) -> m.put(k, v.dup()));
        return m;
    }

    @Test
    void sameSeedSameNumberOtherSeedOtherNumber() {
        Map<String, INDArray> w = initialWeights();
        double a = nats(w, 8, 4, 11L);
        double b = nats(w, 8, 4, 11L);
        double c = nats(w, 8, 4, 12L);
        assertEquals(Double.doubleToRawLongBits(a), Double.doubleToRawLongBits(b));
        assertNotEquals(a, c);
    }

    @Test
    void progressCountsEverySequenceOnceAndDoesNotChangeTheResult() {
        Map<String, INDArray> w = initialWeights();
        java.util.List<int[]> reports = new java.util.ArrayList<>();
        int windows = 20;
        int tSamples = 4;   // 80 sequences: chunks of Evaluator.CHUNK
        double plain = nats(w, windows, tSamples, 9L);
        double reported = Evaluator.evaluate(spec, w, Fixtures.validStream(),
                EvalRequest.sampled(32, windows, tSamples, 1e-3, 9L),
                (done, total) -> reports.add(new int[] {done, total})).natsPerToken();
        assertEquals(Double.doubleToRawLongBits(plain), Double.doubleToRawLongBits(reported));
        assertEquals((80 + Evaluator.CHUNK - 1) / Evaluator.CHUNK, reports.size());
        for (int i = 0; i < reports.size(); i++) {
            assertEquals(80, reports.get(i)[1]);
            assertEquals(Math.min(80, (i + 1) * Evaluator.CHUNK), reports.get(i)[0]);
        }
    }

    /**
     * With zero output weights the logits are all 0, so SUBS gives log p = -ln 7 for every masked
     * token (7 non-mask ids). The NELBO must then equal sum_r w_r * masked_r * ln 7 / (N L) exactly,
     * and, in expectation over t and masks, (1 - eps) ln 7 = 1.9440 (tolerance 0.1, about 4
     * standard errors for 1024 rows of 32 tokens).
     */
    @Test
    void uniformModelGivesTheHandDerivedNelbo() {
        Map<String, INDArray> w = initialWeights();
        w.get("out.weight").assign(0);
        w.get("out.bias").assign(0);
        int windows = 64;
        int tSamples = 16;
        double nats = nats(w, windows, tSamples, 5L);

        NoisyBatch rows = Evaluator.rows(spec, Fixtures.validStream(), EvalRequest.sampled(32, windows, tSamples, 1e-3, 5L),
                windows, tSamples);
        double sum = 0;
        for (int r = 0; r < rows.batch(); r++) {
            int masked = 0;
            for (int id : rows.xt()[r]) {
                masked += id == Fixtures.MASK ? 1 : 0;
            }
            sum += rows.corruption().rowValues().get("weight")[r] * masked * Math.log(7);
        }
        double exact = sum / (rows.batch() * 32.0);
        assertEquals(exact, nats, 1e-5 * exact);
        assertEquals(0.999 * Math.log(7), nats, 0.1);
    }

    @Test
    void leanExecutorGivesSameNatsAsSameDiffSession() {
        Map<String, INDArray> w = initialWeights();
        double lean = nats(w, 20, 4, 3L);
        String old = System.getProperty("mdlm.executor");
        System.setProperty("mdlm.executor", "samediff");
        double session;
        try {
            session = nats(w, 20, 4, 3L);
        } finally {
            if (old == null) {
                System.clearProperty("mdlm.executor");
            } else {
                System.setProperty("mdlm.executor", old);
            }
        }
        assertEquals(session, lean, 1e-5 * Math.abs(session));
    }

    @Test
    void windowsAreEvenlySpacedAndCoverTheStream() {
        EvalRequest four = EvalRequest.sampled(32, 4, 1, 1e-3, 0L);
        assertEquals(0, four.windowOffset(1000, 0));
        assertEquals(323, four.windowOffset(1000, 1));
        assertEquals(968, four.windowOffset(1000, 3));
        assertEquals(0, EvalRequest.sampled(32, 1, 1, 1e-3, 0L).windowOffset(1000, 0));
        EvalRequest full = EvalRequest.fullSplit(32, 1, 1e-3, 0L);
        assertEquals(31, full.windowCount(1000));
        assertEquals(30 * 32, full.windowOffset(1000, 30));
    }

    @Test
    void antitheticTimesPerWindowAndIdenticalCleanRows() {
        NoisyBatch rows = Evaluator.rows(spec, Fixtures.validStream(), EvalRequest.sampled(32, 3, 4, 1e-3, 9L), 3, 4);
        assertEquals(12, rows.batch());
        for (int w = 0; w < 3; w++) {
            for (int i = 0; i < 4; i++) {
                double t = rows.t()[w * 4 + i];
                double lo = 1e-3 + 0.999 * i / 4;
                assertTrue(t >= lo && t < lo + 0.999 / 4 + 1e-12, "t " + t + " in stratum " + i);
                assertEquals(rows.x0()[w * 4][5], rows.x0()[w * 4 + i][5]);
            }
        }
    }

    @Test
    void tooShortStreamFailsClearly() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Evaluator.evaluate(spec,
                initialWeights(), new ArrayTokenStream(new int[10]), EvalRequest.sampled(32, 2, 2, 1e-3, 1L),
                EvalProgress.NONE));
        assertTrue(e.getMessage().contains("fewer than seqLen 32"), e.getMessage());
    }

    private double nats(Map<String, INDArray> w, int windows, int tSamples, long seed) {
        return Evaluator.evaluate(spec, w, Fixtures.validStream(), EvalRequest.sampled(32, windows, tSamples, 1e-3, seed),
                EvalProgress.NONE).natsPerToken();
    }
}
