package org.mdlm.process.param;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.mdlm.api.domain.Vocabulary;
import org.mdlm.api.model.RouteContext;
import org.mdlm.process.schedule.LogLinearConfig;
import org.mdlm.process.schedule.LogLinearSchedule;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.mdlm.testkit.TestData;

/**
 * SUBS log-probs and losses against the reference MDLM fixture (testdata/fixtures/dit-parity, made by
 * the PyTorch reference in float32). The reference logits are fed as a placeholder, so no backbone is
 * involved. Tolerances follow the fixture's README.
 */
class SubsParityTest {

    private static final int MASK = 27;
    private static final int B = 2;
    private static final int L = 32;
    private static final int V = 28;
    private static final double NEG_INF = -1e6;

    private static Path fixtures;
    private static Npy x0;
    private static Npy xt;
    private static double[] weight;

    @BeforeAll
    static void loadInputs() throws IOException {
        fixtures = TestData.path("fixtures/dit-parity");
        x0 = Npy.read(fixtures.resolve("x0.npy"));
        xt = Npy.read(fixtures.resolve("xt.npy"));
        Npy sigma = Npy.read(fixtures.resolve("sigma.npy"));
        Npy dsigma = Npy.read(fixtures.resolve("dsigma.npy"));
        weight = new double[B];
        for (int b = 0; b < B; b++) {
            weight[b] = dsigma.at(b) / Math.expm1(sigma.at(b));
        }
    }

    /** Our schedule and SUBS weight reproduce the fixture's sigma, dsigma and float32 weights. */
    @Test
    void scheduleMatchesFixtureInputs() throws IOException {
        Npy t = Npy.read(fixtures.resolve("t.npy"));
        Npy sigma = Npy.read(fixtures.resolve("sigma.npy"));
        Npy dsigma = Npy.read(fixtures.resolve("dsigma.npy"));
        LogLinearSchedule schedule = new LogLinearSchedule(new LogLinearConfig(1e-3));
        SubsParameterization subs = new SubsParameterization(SubsConfig.defaults());
        double[] weightFp32 = {3.3333330, 1.25};
        for (int b = 0; b < B; b++) {
            assertEquals(sigma.at(b), schedule.sigma(t.at(b)), 1e-6);
            assertEquals(dsigma.at(b), schedule.dsigma(t.at(b)), 1e-5);
            assertEquals(weightFp32[b], subs.lossWeight(schedule, t.at(b)), 1e-6);
            assertEquals(weightFp32[b], weight[b], 1e-6);
        }
        double[] ts = {t.at(0), t.at(1)};
        double[] routed = subs.corrupt(new int[][] {{0}, {1}}, null, ts,
                new RouteContext(schedule, Vocabulary.of(V, MASK), 1e-3, false), new SplittableRandom(3))
                .rowValues().get(SubsParameterization.WEIGHT);
        for (int b = 0; b < B; b++) {
            assertEquals(weightFp32[b], routed[b], 1e-6, "the route's weight row for sequence " + b);
        }
    }

    @ParameterizedTest(name = "{0}, vocab size known at build time: {1}")
    @CsvSource({"cond, true", "cond, false", "uncond, true", "uncond, false"})
    void matchesReference(String run, boolean staticVocab) throws IOException {
        Npy logits = Npy.read(fixtures.resolve("logits_" + run + ".npy"));
        Npy expectedLogp = Npy.read(fixtures.resolve("subs_logp_" + run + ".npy"));
        Npy expectedTokenLoss = Npy.read(fixtures.resolve("loss_per_token_" + run + ".npy"));
        double expectedLoss = Npy.read(fixtures.resolve("loss_" + run + ".npy")).at(0);

        SameDiff sd = SameDiff.create();
        SDVariable logitsPh = sd.placeHolder("logits", DataType.FLOAT, -1, -1, staticVocab ? V : -1);
        SDVariable xtPh = sd.placeHolder("xt", DataType.INT32, -1, -1);
        SDVariable x0Ph = sd.placeHolder("x0", DataType.INT32, -1, -1);
        SDVariable wPh = sd.placeHolder("w", DataType.FLOAT, -1);
        SubsParameterization subs = new SubsParameterization(SubsConfig.defaults());
        SDVariable logp = subs.logProbs(sd, logitsPh, xtPh, MASK).rename("logp");
        SDVariable tokenLoss = subs.tokenLoss(sd, logp, x0Ph, xtPh, wPh, MASK).rename("tokenLoss");
        sd.mean(tokenLoss).rename("loss");
        subs.tokenLossFromLogits(sd, logitsPh, x0Ph, xtPh, wPh, MASK).rename("tokenLossFromLogits");
        // The objective's route as the engine builds it: the loss from a LossContext, the denoiser output.
        subs.tokenLoss(sd, new StubLossContext(logitsPh, x0Ph, xtPh, Map.of(SubsParameterization.WEIGHT, wPh),
                Vocabulary.of(V, MASK), new LogLinearSchedule(LogLinearConfig.defaults()))).rename("routeLoss");
        subs.denoiserOutput(sd, logitsPh, xtPh, MASK).rename("routeOutput");

        Map<String, INDArray> out = sd.output(Map.of("logits", logits.toFloat(), "xt", xt.toInt(),
                "x0", x0.toInt(), "w", Nd4j.createFromArray(weight).castTo(DataType.FLOAT)),
                "logp", "tokenLoss", "loss", "tokenLossFromLogits", "routeLoss", "routeOutput");
        assertEquals(out.get("logp"), out.get("routeOutput"), "the denoiser output is log p(x0 | xt)");
        checkLogProbs(expectedLogp, out.get("logp"));

        INDArray gotTokenLoss = out.get("tokenLoss");
        INDArray fromLogits = out.get("tokenLossFromLogits");
        assertEquals(B * L, gotTokenLoss.length());
        for (int b = 0; b < B; b++) {
            for (int i = 0; i < L; i++) {
                double got = gotTokenLoss.getDouble(b, i);
                assertEquals(expectedTokenLoss.at(b * L + i), got, 5e-5, "token loss at [" + b + "," + i + "]");
                assertEquals(got, fromLogits.getDouble(b, i), 0.0,
                        "the training path gives the same token loss at [" + b + "," + i + "]");
                assertEquals(got, out.get("routeLoss").getDouble(b, i), 0.0,
                        "the objective's route gives the same token loss at [" + b + "," + i + "]");
                if ((int) xt.at(b * L + i) != MASK) {
                    assertEquals(0.0, got, 0.0, "unmasked token loss must be exactly 0 at [" + b + "," + i + "]");
                }
            }
        }
        assertEquals(expectedLoss, out.get("loss").getDouble(0), 1e-5, "mean loss over all 64 tokens");
    }

    private static void checkLogProbs(Npy expected, INDArray got) {
        assertEquals(B * L * V, got.length());
        int finite = 0;
        int carried = 0;
        for (int b = 0; b < B; b++) {
            for (int i = 0; i < L; i++) {
                int token = (int) xt.at(b * L + i);
                for (int v = 0; v < V; v++) {
                    double want = expected.at((b * L + i) * V + v);
                    double have = got.getDouble(b, i, v);
                    String where = "logp[" + b + "," + i + "," + v + "] (xt=" + token + ")";
                    if (token != MASK && v == token) {
                        assertEquals(0.0, want, 0.0, "fixture carry-over " + where);
                        assertEquals(0.0, have, 0.0, "carry-over entry must be exactly 0: " + where);
                        carried++;
                    } else if (want > -1e5) {
                        assertEquals(want, have, 1e-5, where);
                        finite++;
                    } else if (token == MASK && v == MASK) {
                        assertEquals(want, have, 0.25, "mask column at a masked position: " + where);
                        assertTrue(have < -999990, where);
                    } else {
                        assertEquals(NEG_INF, want, 0.0, "fixture sentinel " + where);
                        assertEquals(NEG_INF, have, 0.0, "sentinel " + where);
                    }
                }
            }
        }
        // 35 masked positions with 27 finite entries each; 29 unmasked positions carried over.
        assertEquals(35 * 27, finite);
        assertEquals(29, carried);
    }
}
