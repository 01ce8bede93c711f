package org.mdlm.process.param;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.mdlm.api.domain.Vocabulary;
import org.mdlm.api.model.Corruption;
import org.mdlm.api.model.OutputContext;
import org.mdlm.api.model.Parameterization;
import org.mdlm.api.model.RouteContext;
import org.mdlm.api.schedule.NoiseSchedule;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Runs an objective's loss (or output) graph on logits and tokens a test chose: the per-sequence row
 * inputs come from the objective's own {@code corrupt} at the given times (they depend on t only),
 * while xt is the test's, not the drawn one.
 */
final class LossHarness {

    private final Parameterization objective;
    private final NoiseSchedule schedule;
    private final Vocabulary vocabulary;

    LossHarness(Parameterization objective, NoiseSchedule schedule, int vocabSize, int maskId) {
        this.objective = objective;
        this.schedule = schedule;
        this.vocabulary = Vocabulary.of(vocabSize, maskId);
    }

    /** The row values the objective computes for times t. */
    Map<String, double[]> rows(int[][] x0, double[] t) {
        RouteContext route = new RouteContext(schedule, vocabulary, 1e-3, false);
        Corruption c = objective.corrupt(x0, null, t, route, new SplittableRandom(0));
        return c.rowValues();
    }

    /** Per-token loss [B][L] of logits [B][L][V] at clean x0 and noisy xt, at times t. */
    double[][] tokenLoss(double[][][] logits, int[][] xt, int[][] x0, double[] t) {
        SameDiff sd = SameDiff.create();
        int v = vocabulary.size();
        SDVariable logitsPh = sd.placeHolder("logits", DataType.FLOAT, -1, -1, v);
        SDVariable xtPh = sd.placeHolder("xt", DataType.INT32, -1, -1);
        SDVariable x0Ph = sd.placeHolder("x0", DataType.INT32, -1, -1);
        Map<String, double[]> rowValues = rows(x0, t);
        Map<String, SDVariable> rowVars = new LinkedHashMap<>();
        Map<String, INDArray> feed = new HashMap<>();
        for (Map.Entry<String, double[]> e : rowValues.entrySet()) {
            rowVars.put(e.getKey(), sd.placeHolder("row." + e.getKey(), DataType.FLOAT, -1));
            feed.put("row." + e.getKey(), Nd4j.createFromArray(e.getValue()).castTo(DataType.FLOAT));
        }
        SDVariable loss = objective.tokenLoss(sd, new StubLossContext(logitsPh, x0Ph, xtPh, rowVars, vocabulary,
                schedule)).rename("tokenLoss");
        feed.put("logits", Nd4j.createFromArray(logits).castTo(DataType.FLOAT));
        feed.put("xt", Nd4j.createFromArray(xt));
        feed.put("x0", Nd4j.createFromArray(x0));
        return toDoubles(sd.output(feed, loss.name()).get(loss.name()));
    }

    /** The denoiser output [B][L][V] of logits at xt, with the true sigma of each row. */
    double[][][] output(double[][][] logits, int[][] xt, double[] sigma) {
        SameDiff sd = SameDiff.create();
        SDVariable logitsPh = sd.placeHolder("logits", DataType.FLOAT, -1, -1, vocabulary.size());
        SDVariable xtPh = sd.placeHolder("xt", DataType.INT32, -1, -1);
        SDVariable sigmaPh = sd.placeHolder("sigma", DataType.FLOAT, -1);
        OutputContext context = new OutputContext() {
            @Override
            public SDVariable logits() {
                return logitsPh;
            }

            @Override
            public SDVariable xt() {
                return xtPh;
            }

            @Override
            public SDVariable sigma() {
                return sigmaPh;
            }

            @Override
            public Vocabulary vocabulary() {
                return vocabulary;
            }
        };
        SDVariable out = objective.denoiserOutput(sd, context);
        INDArray o = sd.output(Map.of("logits", Nd4j.createFromArray(logits).castTo(DataType.FLOAT),
                "xt", Nd4j.createFromArray(xt), "sigma", Nd4j.createFromArray(sigma).castTo(DataType.FLOAT)),
                out.name()).get(out.name());
        double[][][] r = new double[xt.length][xt[0].length][vocabulary.size()];
        for (int b = 0; b < r.length; b++) {
            for (int i = 0; i < r[b].length; i++) {
                for (int k = 0; k < r[b][i].length; k++) {
                    r[b][i][k] = o.getDouble(b, i, k);
                }
            }
        }
        return r;
    }

    private static double[][] toDoubles(INDArray a) {
        double[][] r = new double[(int) a.size(0)][(int) a.size(1)];
        for (int b = 0; b < r.length; b++) {
            for (int i = 0; i < r[b].length; i++) {
                r[b][i] = a.getDouble(b, i);
            }
        }
        return r;
    }

    /** log-softmax of a row in double, over the columns where {@code keep} is true (others -inf). */
    static double[] logSoftmax(double[] row, boolean[] keep) {
        double max = Double.NEGATIVE_INFINITY;
        for (int v = 0; v < row.length; v++) {
            if (keep[v]) {
                max = Math.max(max, row[v]);
            }
        }
        double sum = 0;
        for (int v = 0; v < row.length; v++) {
            if (keep[v]) {
                sum += Math.exp(row[v] - max);
            }
        }
        double[] out = new double[row.length];
        for (int v = 0; v < row.length; v++) {
            out[v] = keep[v] ? row[v] - max - Math.log(sum) : Double.NEGATIVE_INFINITY;
        }
        return out;
    }
}
