package org.mdlm.backbones.layers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import org.junit.jupiter.api.Test;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Every faster graph spelling (no broadcasting multiplies, sigmoid GELU, expanded rotary tables,
 * bias through a ones product) gives the same values and the same gradients, to 1e-5, as the
 * plain spelling it replaces, in float32.
 */
class FastPathsTest {

    private static final int B = 3;
    private static final int L = 5;
    private static final int H = 8;
    private static final double TOL = 1e-5;

    /** A graph with tokens [B, L] and float variables x [B, L, H], shift/scale [B, 1, H], built one of two ways. */
    private record Built(SameDiff sd, SDVariable out) {
    }

    private static Built build(long seed, BiFunction<SameDiff, Shapes, SDVariable> body) {
        SameDiff sd = SameDiff.create();
        Nd4j.getRandom().setSeed(seed);
        sd.var("x", Nd4j.rand(DataType.FLOAT, B, L, H).subi(0.5).muli(4));
        sd.var("shift", Nd4j.rand(DataType.FLOAT, B, 1, H).subi(0.5));
        sd.var("scale", Nd4j.rand(DataType.FLOAT, B, 1, H).subi(0.5));
        SDVariable tokens = sd.placeHolder("xt", DataType.INT32, -1, -1);
        Shapes shapes = new Shapes(sd, tokens, DataType.FLOAT);
        SDVariable out = body.apply(sd, shapes);
        INDArray w = Nd4j.rand(DataType.FLOAT, out.eval(feed()).shape()).subi(0.5);
        sd.setLossVariables(sd.constant(w).mul(out).sum());
        return new Built(sd, out);
    }

    private static Map<String, INDArray> feed() {
        return Map.of("xt", Nd4j.zeros(DataType.INT32, B, L));
    }

    private static void assertSame(String what, BiFunction<SameDiff, Shapes, SDVariable> plain,
                                   BiFunction<SameDiff, Shapes, SDVariable> fast) {
        Built p = build(42, plain);
        Built f = build(42, fast);
        close(what + " value", p.out.eval(feed()), f.out.eval(feed()));
        List<String> vars = p.sd.variables().stream()
                .filter(v -> v.getVariableType() == org.nd4j.autodiff.samediff.VariableType.VARIABLE)
                .map(SDVariable::name).toList();
        Map<String, INDArray> gp = p.sd.calculateGradients(feed(), vars);
        Map<String, INDArray> gf = f.sd.calculateGradients(feed(), vars);
        assertTrue(gp.get("x") != null, what + ": x must reach the loss");
        for (String v : vars) {
            if (gp.get(v) == null) {
                assertTrue(gf.get(v) == null, what + ": only the fast graph has a gradient for " + v);
            } else {
                close(what + " gradient of " + v, gp.get(v), gf.get(v));
            }
        }
    }

    private static void close(String what, INDArray expected, INDArray actual) {
        assertArrayEquals(expected.shape(), actual.shape(), what + " shape");
        double diff = expected.castTo(DataType.DOUBLE).sub(actual.castTo(DataType.DOUBLE)).amaxNumber().doubleValue();
        assertTrue(diff <= TOL, what + ": max abs difference " + diff);
        assertTrue(expected.amaxNumber().doubleValue() > 1e-3, what + " is not trivially zero");
    }

    private static LayerNorm norm(SameDiff sd) {
        ParamFactory params = new ParamFactory(sd, DataType.FLOAT, 5L);
        LayerNorm n = LayerNorm.create(params, "norm.weight", H);
        sd.getArrForVarName("norm.weight").assign(Nd4j.linspace(DataType.FLOAT, 0.5, 1.0 / (H - 1), H));
        return n;
    }

    @Test
    void modulatedLayerNormEqualsNormThenModulate() {
        assertSame("layer norm + adaLN",
                (sd, s) -> AdaLn.modulate(norm(sd).apply(sd.getVariable("x")), sd.getVariable("shift"),
                        sd.getVariable("scale")),
                (sd, s) -> norm(sd).applyModulated(sd.getVariable("x"), sd.getVariable("shift"),
                        sd.getVariable("scale"), s));
    }

    @Test
    void repeatingOverPositionsEqualsBroadcasting() {
        assertSame("gate", (sd, s) -> sd.getVariable("shift").mul(sd.getVariable("x")),
                (sd, s) -> s.overPositions(sd.getVariable("shift")).mul(sd.getVariable("x")));
        assertSame("per-position column",
                (sd, s) -> sd.getVariable("x").mul(sd.getVariable("x").mean(true, 2)),
                (sd, s) -> sd.getVariable("x").mul(s.overFeatures(sd.getVariable("x").mean(true, 2), H)));
    }

    @Test
    void sigmoidGeluEqualsTanhGelu() {
        assertSame("gelu", (sd, s) -> Activations.geluTanhPlain(sd.getVariable("x")),
                (sd, s) -> Activations.geluTanh(sd.getVariable("x")));
    }

    @Test
    void linearBiasThroughOnesEqualsBroadcastAdd() {
        BiFunction<SameDiff, Shapes, Linear> make = (sd, s) -> Linear.create(new ParamFactory(sd, DataType.FLOAT, 9L),
                "lin", H, 6, true, Linear.Init.DEFAULT);
        assertSame("linear",
                (sd, s) -> s.toBatchLength(make.apply(sd, s).apply2d(sd.reshape(sd.getVariable("x"), -1, H)), 6),
                (sd, s) -> make.apply(sd, s).apply3d(sd.getVariable("x"), s));
    }

    @Test
    void expandedRotaryTablesRotateLikeTheSmallOnes() {
        int heads = 2;
        int d = 4;
        Map<String, INDArray> small = new HashMap<>();
        small.put("cos", Rotary.cosTable(d, DataType.FLOAT).compute(B, L, null));
        small.put("sin", Rotary.sinTable(d, DataType.FLOAT).compute(B, L, null));
        INDArray bigCos = Rotary.cosTable(heads, d, DataType.FLOAT).compute(B, L, null);
        INDArray bigSin = Rotary.sinTable(heads, d, DataType.FLOAT).compute(B, L, null);
        assertArrayEquals(new long[] {B, heads, L, d / 2}, bigCos.shape());
        assertEquals(small.get("cos"), bigCos.get(org.nd4j.linalg.indexing.NDArrayIndex.point(2),
                org.nd4j.linalg.indexing.NDArrayIndex.point(1)));
        assertSame("rotary",
                (sd, s) -> Rotary.apply(sd.reshape(sd.getVariable("x"), B, L, heads, d).permute(0, 2, 1, 3),
                        sd.constant(small.get("cos")), sd.constant(small.get("sin")), d),
                (sd, s) -> Rotary.apply(sd.reshape(sd.getVariable("x"), B, L, heads, d).permute(0, 2, 1, 3),
                        sd.constant(bigCos), sd.constant(bigSin), d));
    }
}
