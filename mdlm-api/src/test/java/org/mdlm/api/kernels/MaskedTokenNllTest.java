package org.mdlm.api.kernels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The fused SUBS token loss against the composed SameDiff graph (forward, logits and weight
 * gradients, float32: within 1e-6 times the magnitude of the values compared), against central
 * differences of its own forward, and on the edge cases: the mask as target, views and other id
 * types, ids outside the vocabulary.
 */
class MaskedTokenNllTest {

    private static final double NEG_INF = -1e6;
    private static final int B = 3;
    private static final int L = 9;
    private static final int V = 61;

    /** A batch: logits [B, L, V], ids, weights, an upstream gradient [B, L]. */
    record Case(INDArray logits, int[][] x0, int[][] xt, INDArray weight, INDArray g) {
    }

    /** Random logits (scale 3), about half the positions masked, x0 never the mask, xt = x0 elsewhere. */
    static Case randomCase(long seed, int mask) {
        Random rng = new Random(seed);
        Nd4j.getRandom().setSeed(seed);
        int[][] x0 = new int[B][L];
        int[][] xt = new int[B][L];
        for (int b = 0; b < B; b++) {
            for (int l = 0; l < L; l++) {
                int id;
                do {
                    id = rng.nextInt(V);
                } while (id == mask);
                x0[b][l] = id;
                xt[b][l] = rng.nextBoolean() ? mask : id;
            }
        }
        INDArray weight = Nd4j.rand(DataType.FLOAT, B).muli(2.5).addi(0.5);
        return new Case(Nd4j.randn(DataType.FLOAT, B, L, V).muli(3), x0, xt, weight,
                Nd4j.randn(DataType.FLOAT, B, L));
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 23, V - 1})
    void forwardAndBackwardEqualTheComposedOps(int mask) {
        Case c = randomCase(7 + mask, mask);
        SameDiff sd = SameDiff.create();
        SDVariable logits = sd.var("logits", c.logits().dup());
        SDVariable weight = sd.var("weight", c.weight().dup());
        SDVariable loss = ComposedSubs.tokenLoss(sd, logits, c.x0(), c.xt(), weight, mask, NEG_INF);
        loss.mul(sd.constant(c.g())).sum().markAsLoss();
        INDArray wantLoss = loss.eval();
        Map<String, INDArray> grads = sd.calculateGradients(Map.of(), "logits", "weight");

        INDArray gotLoss = new MaskedTokenNll().with(mask, NEG_INF)
                .exec(c.logits(), ComposedSubs.ints(c.x0()), ComposedSubs.ints(c.xt()), c.weight())[0];
        INDArray[] got = new MaskedTokenNllBp().with(mask, NEG_INF)
                .exec(c.logits(), ComposedSubs.ints(c.x0()), ComposedSubs.ints(c.xt()), c.weight(), c.g());

        assertClose(wantLoss, gotLoss, 1e-6, "loss");
        assertClose(grads.get("logits"), got[0], 1e-6, "dlogits");
        assertClose(grads.get("weight"), got[1], 1e-6, "dweight");
        for (int b = 0; b < B; b++) {
            for (int l = 0; l < L; l++) {
                if (c.xt()[b][l] != mask) {
                    assertEquals(0f, gotLoss.getFloat(b, l), "unmasked loss " + b + "," + l);
                    assertEquals(0.0, got[0].get(org.nd4j.linalg.indexing.NDArrayIndex.point(b),
                            org.nd4j.linalg.indexing.NDArrayIndex.point(l)).amaxNumber().doubleValue());
                } else {
                    assertEquals(0.0, got[0].getFloat(b, l, mask), 0.0, "mask column gradient " + b + "," + l);
                }
            }
        }
    }

    @Test
    void targetThatIsTheMaskIsScoredAsTheComposedGraphDoes() {
        int mask = 5;
        Case c = randomCase(3, mask);
        c.x0()[1][2] = mask;
        c.xt()[1][2] = mask;
        SameDiff sd = SameDiff.create();
        SDVariable logits = sd.var("logits", c.logits().dup());
        SDVariable loss = ComposedSubs.tokenLoss(sd, logits, c.x0(), c.xt(), sd.constant(c.weight()), mask, NEG_INF);
        loss.mul(sd.constant(c.g())).sum().markAsLoss();
        INDArray wantLoss = loss.eval();
        INDArray wantGrad = sd.calculateGradients(Map.of(), "logits").get("logits");
        INDArray gotLoss = new MaskedTokenNll().with(mask, NEG_INF)
                .exec(c.logits(), ComposedSubs.ints(c.x0()), ComposedSubs.ints(c.xt()), c.weight())[0];
        INDArray gotGrad = new MaskedTokenNllBp().with(mask, NEG_INF)
                .exec(c.logits(), ComposedSubs.ints(c.x0()), ComposedSubs.ints(c.xt()), c.weight(), c.g())[0];
        assertTrue(gotLoss.getDouble(1, 2) > 0.9e6 * c.weight().getDouble(1), "about -negInf * weight");
        assertClose(wantLoss, gotLoss, 1e-6, "loss");
        assertClose(wantGrad, gotGrad, 1e-6, "dlogits");
        double coef = c.g().getDouble(1, 2) * c.weight().getDouble(1);
        assertEquals(-coef, gotGrad.getDouble(1, 2, mask), 1e-6 * Math.abs(coef), "mask column: -g * weight");
    }

    @Test
    void backwardEqualsFiniteDifferences() {
        int mask = 11;
        Case c = randomCase(19, mask);
        INDArray x0 = ComposedSubs.ints(c.x0());
        INDArray xt = ComposedSubs.ints(c.xt());
        INDArray[] grad = new MaskedTokenNllBp().with(mask, NEG_INF).exec(c.logits(), x0, xt, c.weight(), c.g());
        MaskedTokenNll forward = new MaskedTokenNll().with(mask, NEG_INF);
        Random rng = new Random(4);
        double h = 1e-2;
        double worst = 0;
        for (int k = 0; k < 40; k++) {
            int b = rng.nextInt(B);
            int l = rng.nextInt(L);
            // a third of the coordinates on the target or the mask column, where the gradient is special
            int v = k % 3 == 0 ? c.x0()[b][l] : k % 3 == 1 && k % 2 == 0 ? mask : rng.nextInt(V);
            INDArray plus = c.logits().dup();
            INDArray minus = c.logits().dup();
            plus.putScalar(new long[] {b, l, v}, c.logits().getDouble(b, l, v) + h);
            minus.putScalar(new long[] {b, l, v}, c.logits().getDouble(b, l, v) - h);
            double fd = (loss(forward, plus, x0, xt, c.weight(), c.g()) - loss(forward, minus, x0, xt, c.weight(), c.g()))
                    / (2 * h);
            // float32 losses of magnitude ~10 carry ~1e-6 rounding each: ~1e-3 after dividing by 2h
            worst = Math.max(worst, Math.abs(fd - grad[0].getDouble(b, l, v)) / Math.max(1, Math.abs(fd)));
            assertEquals(fd, grad[0].getDouble(b, l, v), 2e-3 * Math.max(1, Math.abs(fd)),
                    "dlogits at " + b + "," + l + "," + v);
        }
        for (int b = 0; b < B; b++) {
            INDArray plus = c.weight().dup();
            INDArray minus = c.weight().dup();
            plus.putScalar(b, c.weight().getDouble(b) + h);
            minus.putScalar(b, c.weight().getDouble(b) - h);
            double fd = (loss(forward, c.logits(), x0, xt, plus, c.g()) - loss(forward, c.logits(), x0, xt, minus, c.g()))
                    / (2 * h);
            assertEquals(fd, grad[1].getDouble(b), 2e-3 * Math.max(1, Math.abs(fd)), "dweight at " + b);
            worst = Math.max(worst, Math.abs(fd - grad[1].getDouble(b)) / Math.max(1, Math.abs(fd)));
        }
        System.out.printf("finite differences: worst |fd - grad| / max(1, |fd|) = %.3g%n", worst);
    }

    @Test
    void readsViewsAndAnyIntegerType() {
        int mask = 2;
        Case c = randomCase(23, mask);
        INDArray x0 = ComposedSubs.ints(c.x0());
        INDArray xt = ComposedSubs.ints(c.xt());
        INDArray want = new MaskedTokenNll().with(mask, NEG_INF).exec(c.logits(), x0, xt, c.weight())[0];
        INDArray logitsView = c.logits().permute(1, 0, 2).dup('c').permute(1, 0, 2); // same values, not C-ordered
        INDArray got = new MaskedTokenNll().with(mask, NEG_INF).exec(logitsView, x0.castTo(DataType.INT64),
                xt.castTo(DataType.INT16), c.weight().castTo(DataType.DOUBLE))[0];
        assertEquals(0.0, want.sub(got).amaxNumber().doubleValue());
        INDArray[] wantBp = new MaskedTokenNllBp().with(mask, NEG_INF).exec(c.logits(), x0, xt, c.weight(), c.g());
        INDArray[] gotBp = new MaskedTokenNllBp().with(mask, NEG_INF).exec(logitsView, x0.castTo(DataType.INT64), xt,
                c.weight(), c.g().permute(1, 0).dup('c').permute(1, 0));
        assertEquals(0.0, wantBp[0].sub(gotBp[0]).amaxNumber().doubleValue());
        assertEquals(0.0, wantBp[1].sub(gotBp[1]).amaxNumber().doubleValue());
    }

    @Test
    void targetOutsideTheVocabularyIsAnError() {
        int mask = 4;
        Case c = randomCase(29, mask);
        c.x0()[0][0] = V;
        c.xt()[0][0] = mask;
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new MaskedTokenNll()
                .with(mask, NEG_INF).exec(c.logits(), ComposedSubs.ints(c.x0()), ComposedSubs.ints(c.xt()), c.weight()));
        assertTrue(e.getMessage().contains("outside the vocabulary"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new MaskedTokenNll().with(mask, NEG_INF)
                .exec(c.logits(), ComposedSubs.ints(c.x0()), ComposedSubs.ints(c.xt()), Nd4j.ones(DataType.FLOAT, B + 1)));
    }

    private static double loss(MaskedTokenNll op, INDArray logits, INDArray x0, INDArray xt, INDArray w, INDArray g) {
        return op.exec(logits, x0, xt, w)[0].castTo(DataType.DOUBLE).mul(g.castTo(DataType.DOUBLE)).sumNumber()
                .doubleValue();
    }

    /** Max |want - got| / max(1, |want|) is at most {@code tol}. */
    static void assertClose(INDArray want, INDArray got, double tol, String what) {
        INDArray w = want.castTo(DataType.DOUBLE);
        INDArray diff = org.nd4j.linalg.ops.transforms.Transforms.abs(w.sub(got.castTo(DataType.DOUBLE)));
        INDArray scale = org.nd4j.linalg.ops.transforms.Transforms.max(org.nd4j.linalg.ops.transforms.Transforms.abs(w),
                1.0);
        double rel = diff.div(scale).maxNumber().doubleValue();
        System.out.printf("%s: max abs diff %.3g, max scaled diff %.3g%n", what, diff.maxNumber().doubleValue(), rel);
        assertTrue(rel <= tol, what + ": max |diff| / max(1, |value|) = " + rel);
    }
}
