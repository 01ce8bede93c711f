package org.mdlm.backbones.dit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.mdlm.backbones.layers.Rotary;
import org.mdlm.backbones.layers.TimestepEmbedding;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** Logits of the DiT with the reference weights equal the reference MDLM's (fixture dit-parity). */
class DitParityTest {

    private static final double TOL = 1e-5;

    @ParameterizedTest(name = "timeConditioning={0}")
    @ValueSource(booleans = {true, false})
    void logitsAndActivationsMatchReference(boolean timeConditioning) {
        String run = timeConditioning ? "cond" : "uncond";
        DitGraph g = new DitGraph(Fixture.CONFIG.withTimeConditioning(timeConditioning), Fixture.VOCAB);
        loadWeights(g);
        INDArray xt = Fixture.load("xt");
        INDArray sigma = Fixture.load("sigma");
        String[] outputs = {g.logits.name(), Dit.ACTIVATION_PREFIX + "embed", Dit.ACTIVATION_PREFIX + "c",
            Dit.ACTIVATION_PREFIX + "block0", Dit.ACTIVATION_PREFIX + "block1"};
        Map<String, INDArray> out = g.run(xt, sigma, outputs);

        assertClose("act_" + run + "_embed", out.get(outputs[1]), 1e-6);
        assertClose("act_" + run + "_c", out.get(outputs[2]), 1e-6);
        assertClose("act_" + run + "_block0", out.get(outputs[3]), TOL);
        assertClose("act_" + run + "_block1", out.get(outputs[4]), TOL);
        double diff = assertClose("logits_" + run, out.get(outputs[0]), TOL);
        System.out.printf("DiT parity %s: max abs logit difference %.3e%n", run, diff);
    }

    @Test
    void variablesAreExactlyTheReferenceParameters() {
        DitGraph g = new DitGraph(Fixture.CONFIG, Fixture.VOCAB);
        List<String> names = Fixture.parameterNames();
        List<long[]> shapes = Fixture.parameterShapes();
        List<String> created = new ArrayList<>();
        for (SDVariable v : g.sd.variables()) {
            if (v.getVariableType() == org.nd4j.autodiff.samediff.VariableType.VARIABLE) {
                created.add(v.name());
            }
        }
        assertEquals(new TreeSet<>(names), new TreeSet<>(created), "trainable variables");
        assertEquals(names.size(), created.size(), "number of trainable variables");
        for (int i = 0; i < names.size(); i++) {
            assertArrayEquals(shapes.get(i), g.sd.getArrForVarName(names.get(i)).shape(), names.get(i));
        }
        Set<String> placeholders = new TreeSet<>(g.sd.inputs());
        assertEquals(new TreeSet<>(List.of("xt", "sigma", Dit.ROTARY_COS, Dit.ROTARY_SIN, Dit.EMBEDDED_ROWS)), placeholders);
    }

    @Test
    void rotaryTablesAndTimeFeaturesMatchReference() {
        INDArray cos = Rotary.cosTable(16, DataType.FLOAT).compute(2, 32, null);
        INDArray sin = Rotary.sinTable(16, DataType.FLOAT).compute(2, 32, null);
        assertClose("rotary_cos", cos, 1e-7);
        assertClose("rotary_sin", sin, 1e-7);

        float[] f = TimestepEmbedding.frequencies(128);
        INDArray sigma = Fixture.load("sigma");
        INDArray expected = Fixture.load("time_freq_cond");
        for (int b = 0; b < 2; b++) {
            for (int j = 0; j < 128; j++) {
                float arg = sigma.getFloat(b) * f[j];
                assertEquals(expected.getFloat(b, j), Math.cos(arg), 1e-6, "cos b=" + b + " j=" + j);
                assertEquals(expected.getFloat(b, 128 + j), Math.sin(arg), 1e-6, "sin b=" + b + " j=" + j);
            }
        }
    }

    static void loadWeights(DitGraph g) {
        for (String name : Fixture.parameterNames()) {
            INDArray value = Fixture.load(name).castTo(g.type);
            INDArray current = g.sd.getArrForVarName(name);
            assertArrayEquals(value.shape(), current.shape(), "shape of " + name);
            g.sd.getVariable(name).setArray(value);
        }
    }

    private static double assertClose(String fixtureName, INDArray actual, double tol) {
        INDArray expected = Fixture.load(fixtureName).castTo(DataType.DOUBLE);
        INDArray got = actual.castTo(DataType.DOUBLE);
        assertArrayEquals(expected.shape(), got.shape(), "shape of " + fixtureName);
        double diff = Nd4j.math().abs(got.sub(expected)).maxNumber().doubleValue();
        assertTrue(diff <= tol, fixtureName + ": max abs difference " + diff + " > " + tol);
        return diff;
    }
}
