package org.mdlm.engine.finetune;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.ToDoubleFunction;
import org.junit.jupiter.api.Test;
import org.mdlm.engine.GraphTrainer;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The classifier's loss, logits and gradients against a computation written out here in double
 * precision: mean pooling, the linear head, log-softmax and cross-entropy by hand; the head's
 * gradient by its closed form (softmax - one-hot) and the backbone's by central finite differences
 * of the hand-written loss. Padding changes nothing.
 */
class ClassifierLossTest {

    private static final int H = 3;
    private static final int C = 3;
    private static final int[][] TOKENS = {{0, 1, 2, 3}, {4, 4, 0, 2}};
    private static final int[] LABELS = {2, 0};

    @Test
    void lossLogitsAndGradientsMatchTheHandComputation() {
        ClassifierGraph g = ClassifierGraph.build(new EmbeddingBackbone(H), new LetterDomain(false).vocabulary(), C,
                false, 11, 12);
        g.params().get(ClassifierGraph.HEAD_BIAS).assign(Nd4j.createFromArray(0.1f, -0.2f, 0.05f));
        Reference ref = new Reference(g.params());
        GraphTrainer trainer = new GraphTrainer(g.sameDiff(), g.feeds(), ClassifierGraph.LOSS, 0.9, 0.999, 0, 0);
        Map<String, INDArray> ph = g.placeholders(TOKENS, LABELS, new SplittableRandom(0));
        Map<String, INDArray> grads = trainer.gradients(ph);

        double loss = ref.loss(ref.emb, ref.proj);
        assertTrue(loss > 0.3, "a real loss: " + loss);
        assertEquals(loss, grads.get("loss").getDouble(0), 1e-5, "cross-entropy");

        INDArray logits = trainer.outputs(ph, List.of(ClassifierGraph.LOGITS)).get(ClassifierGraph.LOGITS);
        double[][] expectedLogits = ref.logits(ref.emb, ref.proj);
        for (int b = 0; b < TOKENS.length; b++) {
            for (int c = 0; c < C; c++) {
                assertEquals(expectedLogits[b][c], logits.getDouble(b, c), 1e-5, "logit " + b + "," + c);
            }
        }

        // Head: dL/dlogits = (softmax - onehot) / B; dW = pooled^T dlogits, db = sum over rows.
        double[][] pooled = ref.pooled(ref.emb, ref.proj);
        double[][] dW = new double[H][C];
        double[] db = new double[C];
        for (int b = 0; b < TOKENS.length; b++) {
            double[] p = softmax(expectedLogits[b]);
            for (int c = 0; c < C; c++) {
                double d = (p[c] - (c == LABELS[b] ? 1 : 0)) / TOKENS.length;
                db[c] += d;
                for (int j = 0; j < H; j++) {
                    dW[j][c] += pooled[b][j] * d;
                }
            }
        }
        for (int c = 0; c < C; c++) {
            assertEquals(db[c], grads.get(ClassifierGraph.HEAD_BIAS).getDouble(c), 1e-6, "bias " + c);
            for (int j = 0; j < H; j++) {
                assertEquals(dW[j][c], grads.get(ClassifierGraph.HEAD_WEIGHT).getDouble(j, c), 1e-6, "weight " + j + "," + c);
            }
        }

        // Backbone: central differences of the hand-written loss, in double.
        checkByFiniteDifferences(ref.emb, grads.get(EmbeddingBackbone.EMB), e -> ref.loss(e, ref.proj), "emb");
        checkByFiniteDifferences(ref.proj, grads.get(EmbeddingBackbone.PROJ), p -> ref.loss(ref.emb, p), "proj");
    }

    @Test
    void paddedPositionsChangeNeitherTheLossNorTheHeadGradient() {
        LetterDomain domain = new LetterDomain(true);
        ClassifierGraph g = ClassifierGraph.build(new EmbeddingBackbone(H), domain.vocabulary(), C, false, 5, 6);
        g.params().get(ClassifierGraph.HEAD_WEIGHT).muli(10);   // logits far from 0, so the loss is sensitive
        GraphTrainer trainer = new GraphTrainer(g.sameDiff(), g.feeds(), ClassifierGraph.LOSS, 0.9, 0.999, 0, 0);
        int[] labels = {1};
        Map<String, INDArray> plain = trainer.gradients(
                g.placeholders(new int[][] {{0, 1, 2}}, labels, new SplittableRandom(0)));
        Map<String, INDArray> padded = trainer.gradients(g.placeholders(
                new int[][] {{0, 1, 2, LetterDomain.PAD, LetterDomain.PAD}}, labels, new SplittableRandom(0)));
        Map<String, INDArray> other = trainer.gradients(
                g.placeholders(new int[][] {{0, 1, 2, 3, 3}}, labels, new SplittableRandom(0)));
        assertEquals(plain.get("loss").getDouble(0), padded.get("loss").getDouble(0), 1e-6);
        assertTrue(Math.abs(plain.get("loss").getDouble(0) - other.get("loss").getDouble(0)) > 1e-4,
                "real tokens in those positions do change it");
        INDArray a = plain.get(ClassifierGraph.HEAD_WEIGHT);
        INDArray b = padded.get(ClassifierGraph.HEAD_WEIGHT);
        assertTrue(a.sub(b).amaxNumber().doubleValue() < 1e-6, "head gradient " + a + " vs " + b);
    }

    private static void checkByFiniteDifferences(double[][] w, INDArray grad, ToDoubleFunction<double[][]> loss,
                                                 String name) {
        double eps = 1e-6;
        double largest = 0;
        for (int i = 0; i < w.length; i++) {
            for (int j = 0; j < w[i].length; j++) {
                double keep = w[i][j];
                w[i][j] = keep + eps;
                double up = loss.applyAsDouble(w);
                w[i][j] = keep - eps;
                double down = loss.applyAsDouble(w);
                w[i][j] = keep;
                double fd = (up - down) / (2 * eps);
                largest = Math.max(largest, Math.abs(fd));
                assertEquals(fd, grad.getDouble(i, j), 2e-6 + 1e-4 * Math.abs(fd), name + "[" + i + "," + j + "]");
            }
        }
        assertTrue(largest > 1e-3, name + " gradient is not trivially zero");
    }

    private static double[] softmax(double[] z) {
        double m = Double.NEGATIVE_INFINITY;
        for (double x : z) {
            m = Math.max(m, x);
        }
        double s = 0;
        double[] p = new double[z.length];
        for (int i = 0; i < z.length; i++) {
            p[i] = Math.exp(z[i] - m);
            s += p[i];
        }
        for (int i = 0; i < z.length; i++) {
            p[i] /= s;
        }
        return p;
    }

    /** The classifier written out in double precision from the graph's initial weights. */
    private static final class Reference {
        final double[][] emb;
        final double[][] proj;
        final double[][] w;
        final double[] bias;

        Reference(Map<String, INDArray> params) {
            emb = params.get(EmbeddingBackbone.EMB).toDoubleMatrix();
            proj = params.get(EmbeddingBackbone.PROJ).toDoubleMatrix();
            w = params.get(ClassifierGraph.HEAD_WEIGHT).toDoubleMatrix();
            bias = params.get(ClassifierGraph.HEAD_BIAS).toDoubleVector();
        }

        double[][] pooled(double[][] e, double[][] p) {
            double[][] out = new double[TOKENS.length][H];
            for (int b = 0; b < TOKENS.length; b++) {
                for (int token : TOKENS[b]) {
                    for (int j = 0; j < H; j++) {
                        double s = 0;
                        for (int k = 0; k < H; k++) {
                            s += e[token][k] * p[k][j];
                        }
                        out[b][j] += Math.tanh(s) / TOKENS[b].length;
                    }
                }
            }
            return out;
        }

        double[][] logits(double[][] e, double[][] p) {
            double[][] pooled = pooled(e, p);
            double[][] out = new double[TOKENS.length][C];
            for (int b = 0; b < TOKENS.length; b++) {
                for (int c = 0; c < C; c++) {
                    out[b][c] = bias[c];
                    for (int j = 0; j < H; j++) {
                        out[b][c] += pooled[b][j] * w[j][c];
                    }
                }
            }
            return out;
        }

        double loss(double[][] e, double[][] p) {
            double[][] z = logits(e, p);
            double total = 0;
            for (int b = 0; b < z.length; b++) {
                total -= Math.log(softmax(z[b])[LABELS[b]]);
            }
            return total / z.length;
        }
    }
}
