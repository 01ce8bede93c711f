package org.mdlm.api.kernels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.nd4j.autodiff.samediff.SDIndex;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * The fused head split with rotary q and k against the composed SameDiff ops it replaces (slices,
 * reshape-permutes, the rotary halves as products and a concatenation), in float32 through
 * SameDiff's session: outputs and the gradient with respect to qkv agree to 1e-6 (in practice they
 * are equal: the same float operations in the same order), with both table forms. The backward also
 * against central differences of the kernel's own forward, views read as their values, and
 * misshapen inputs rejected with the shapes named.
 */
class RotaryHeadsTest {

    private static final int B = 2;
    private static final int L = 5;
    private static final int NH = 3;
    private static final int D = 40; // D/2 = 20: whole vectors (of 8 or 16 lanes) and a scalar tail
    private static final int H = NH * D;

    @Test
    void sharedTablesEqualTheComposedOps() {
        Nd4j.getRandom().setSeed(21);
        INDArray theta = Nd4j.randn(DataType.FLOAT, L, D / 2).muli(3);
        compareWithComposed(Transforms.cos(theta), Transforms.sin(theta));
    }

    @Test
    void perHeadTablesEqualTheComposedOps() {
        Nd4j.getRandom().setSeed(22);
        INDArray theta = Nd4j.randn(DataType.FLOAT, B, NH, L, D / 2).muli(3); // a different table for every head
        compareWithComposed(Transforms.cos(theta), Transforms.sin(theta));
    }

    private static void compareWithComposed(INDArray cos, INDArray sin) {
        INDArray qkv = Nd4j.randn(DataType.FLOAT, B, L, 3 * H).muli(2);
        INDArray[] w = {Nd4j.randn(DataType.FLOAT, B, NH, L, D), Nd4j.randn(DataType.FLOAT, B, NH, L, D),
            Nd4j.randn(DataType.FLOAT, B, NH, L, D)};

        SameDiff sd = SameDiff.create();
        SDVariable x = sd.var("qkv", qkv.dup());
        SDVariable c = sd.constant(cos);
        SDVariable s = sd.constant(sin);
        SDVariable[] composed = {rotate(split(sd, x, 0), c, s), rotate(split(sd, x, 1), c, s), split(sd, x, 2)};
        SDVariable loss = null;
        for (int i = 0; i < 3; i++) {
            SDVariable term = composed[i].mul(sd.constant(w[i])).sum();
            loss = loss == null ? term : loss.add(term);
        }
        loss.markAsLoss();
        Map<String, INDArray> want = sd.output(Map.of(), composed[0].name(), composed[1].name(), composed[2].name());
        INDArray wantDx = sd.calculateGradients(Map.of(), "qkv").get("qkv");

        INDArray[] got = new RotaryHeads().withHeads(NH).exec(qkv, cos, sin);
        INDArray gotDx = new RotaryHeadsBp().exec(w[0], w[1], w[2], cos, sin)[0];
        String[] names = {"q", "k", "v"};
        for (int i = 0; i < 3; i++) {
            double diff = maxDiff(want.get(composed[i].name()), got[i]);
            assertTrue(diff <= 1e-6, names[i] + " forward " + diff);
        }
        assertTrue(maxDiff(wantDx, gotDx) <= 1e-6, "backward " + maxDiff(wantDx, gotDx));
    }

    /** Part {@code part} (0 q, 1 k, 2 v) of qkv as heads [B, nh, L, D], as the attention builds it. */
    private static SDVariable split(SameDiff sd, SDVariable qkv, int part) {
        SDVariable x = qkv.get(SDIndex.all(), SDIndex.all(), SDIndex.interval(part * H, (part + 1) * H));
        return sd.permute(sd.reshape(x, B, L, NH, D), 0, 2, 1, 3);
    }

    /** The rotary halves as composed ops. */
    private static SDVariable rotate(SDVariable z, SDVariable cos, SDVariable sin) {
        SDVariable a = z.get(SDIndex.all(), SDIndex.all(), SDIndex.all(), SDIndex.interval(0, D / 2));
        SDVariable b = z.get(SDIndex.all(), SDIndex.all(), SDIndex.all(), SDIndex.interval(D / 2, D));
        return z.getSameDiff().concat(3, a.mul(cos).sub(b.mul(sin)), a.mul(sin).add(b.mul(cos)));
    }

    @Test
    void backwardEqualsFiniteDifferences() {
        Nd4j.getRandom().setSeed(23);
        INDArray qkv = Nd4j.randn(DataType.FLOAT, B, L, 3 * H);
        INDArray theta = Nd4j.randn(DataType.FLOAT, L, D / 2).muli(3);
        INDArray cos = Transforms.cos(theta);
        INDArray sin = Transforms.sin(theta);
        INDArray[] w = {Nd4j.randn(DataType.FLOAT, B, NH, L, D), Nd4j.randn(DataType.FLOAT, B, NH, L, D),
            Nd4j.randn(DataType.FLOAT, B, NH, L, D)};
        RotaryHeads forward = new RotaryHeads().withHeads(NH);
        INDArray dx = new RotaryHeadsBp().exec(w[0], w[1], w[2], cos, sin)[0];
        double h = 1e-2;
        Random pick = new Random(3);
        for (int n = 0; n < 48; n++) {
            int i = pick.nextInt((int) qkv.length());
            INDArray plus = qkv.dup();
            INDArray minus = qkv.dup();
            plus.putScalar(i, qkv.getDouble(i) + h);
            minus.putScalar(i, qkv.getDouble(i) - h);
            double fd = (loss(forward.exec(plus, cos, sin), w) - loss(forward.exec(minus, cos, sin), w)) / (2 * h);
            // The op is linear: the differences differ from the gradient by float32 rounding of the
            // two perturbed outputs only (~1e-7 relative, over 2h = 2e-2): 2e-4 is far above that.
            assertEquals(fd, dx.getDouble(i), 2e-4 * Math.max(1, Math.abs(fd)), "element " + i);
        }
    }

    private static double loss(INDArray[] out, INDArray[] w) {
        double s = 0;
        for (int i = 0; i < 3; i++) {
            s += out[i].castTo(DataType.DOUBLE).mul(w[i].castTo(DataType.DOUBLE)).sumNumber().doubleValue();
        }
        return s;
    }

    @Test
    void readsViewsAsTheirValues() {
        Nd4j.getRandom().setSeed(24);
        INDArray view = Nd4j.randn(DataType.FLOAT, L, B, 3 * H).permute(1, 0, 2); // [B, L, 3H], not C-contiguous
        INDArray theta = Nd4j.randn(DataType.FLOAT, L, D / 2);
        INDArray cos = Transforms.cos(theta);
        INDArray sin = Transforms.sin(theta);
        INDArray[] want = new RotaryHeads().withHeads(NH).exec(view.dup('c'), cos, sin);
        INDArray[] got = new RotaryHeads().withHeads(NH).exec(view, cos, sin);
        for (int i = 0; i < 3; i++) {
            assertEquals(0.0, maxDiff(want[i], got[i]));
        }
        INDArray dqView = Nd4j.randn(DataType.FLOAT, B, NH, D, L).permute(0, 1, 3, 2);
        INDArray dk = Nd4j.randn(DataType.FLOAT, B, NH, L, D);
        INDArray dv = Nd4j.randn(DataType.FLOAT, B, NH, L, D);
        assertEquals(0.0, maxDiff(new RotaryHeadsBp().exec(dqView.dup('c'), dk, dv, cos, sin)[0],
                new RotaryHeadsBp().exec(dqView, dk, dv, cos, sin)[0]));
    }

    @Test
    void misshapenInputsAreRejectedWithTheirShapes() {
        INDArray qkv = Nd4j.zeros(DataType.FLOAT, B, L, 3 * H);
        INDArray table = Nd4j.zeros(DataType.FLOAT, L, D / 2);
        IllegalArgumentException heads = assertThrows(IllegalArgumentException.class,
                () -> new RotaryHeads().withHeads(7).exec(qkv, table, table));
        assertTrue(heads.getMessage().contains("heads = 7") && heads.getMessage().contains("[2, 5, 360]"),
                heads.getMessage());
        INDArray wrong = Nd4j.zeros(DataType.FLOAT, L + 1, D / 2);
        IllegalArgumentException tables = assertThrows(IllegalArgumentException.class,
                () -> new RotaryHeads().withHeads(NH).exec(qkv, wrong, wrong));
        assertTrue(tables.getMessage().contains("[5, 20]") && tables.getMessage().contains("[6, 20]"),
                tables.getMessage());
        INDArray g = Nd4j.zeros(DataType.FLOAT, B, NH, L, D);
        assertThrows(IllegalArgumentException.class,
                () -> new RotaryHeadsBp().exec(g, g, Nd4j.zeros(DataType.FLOAT, B, NH, L, D + 2), table, table));
        INDArray odd = Nd4j.zeros(DataType.FLOAT, B, L, 3 * NH * 3);
        assertThrows(IllegalArgumentException.class,
                () -> new RotaryHeads().withHeads(NH).exec(odd, table, table));
    }

    @Test
    void vectorAndScalarRotationsAreEqual() {
        Random r = new Random(25);
        int half = 37; // vectors of any width, then a tail
        float[] z = new float[2 * half + 3];
        float[] cos = new float[half + 5];
        float[] sin = new float[half + 5];
        for (int i = 0; i < z.length; i++) {
            z[i] = (float) r.nextGaussian();
        }
        for (int i = 0; i < cos.length; i++) {
            cos[i] = (float) Math.cos(r.nextDouble() * 7);
            sin[i] = (float) Math.sin(r.nextDouble() * 7);
        }
        float[] vector = new float[2 * half + 2];
        float[] scalar = new float[2 * half + 2];
        VectorRotary.rotate(z, 3, cos, sin, 5, vector, 2, half);
        RotaryTables.rotate(z, 3, cos, sin, 5, scalar, 2, half, 0);
        assertEquals(java.util.Arrays.toString(scalar), java.util.Arrays.toString(vector));
        VectorRotary.unrotate(z, 3, cos, sin, 5, vector, 2, half);
        RotaryTables.unrotate(z, 3, cos, sin, 5, scalar, 2, half, 0);
        assertEquals(java.util.Arrays.toString(scalar), java.util.Arrays.toString(vector));
        assertEquals(z[3] * cos[5] + z[3 + half] * sin[5], scalar[2], 0f); // da = g1 cos + g2 sin
    }

    static double maxDiff(INDArray a, INDArray b) {
        return a.castTo(DataType.DOUBLE).sub(b.castTo(DataType.DOUBLE)).amaxNumber().doubleValue();
    }
}
