package org.mdlm.backbones.layers;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** RMSNorm and the overflow-free softplus against values computed by hand in double precision. */
class RmsNormAndSoftplusTest {

    @Test
    void rmsNormDividesByTheRootMeanSquareAndAppliesTheGain() {
        SameDiff sd = SameDiff.create();
        double[][][] x = {{{3, -4}, {0.5, 0.5}}, {{1e-3, 0}, {-2, 6}}};
        RmsNorm norm = RmsNorm.create(new ParamFactory(sd, DataType.DOUBLE, 1L), "g", 2);
        sd.getVariable("g").setArray(Nd4j.createFromArray(2.0, -0.5));
        INDArray out = norm.apply(sd.constant(Nd4j.createFromArray(x))).eval();
        double[] gain = {2.0, -0.5};
        for (int b = 0; b < 2; b++) {
            for (int l = 0; l < 2; l++) {
                double ms = (x[b][l][0] * x[b][l][0] + x[b][l][1] * x[b][l][1]) / 2;
                for (int d = 0; d < 2; d++) {
                    double expected = x[b][l][d] / Math.sqrt(ms + RmsNorm.EPS) * gain[d];
                    assertEquals(expected, out.getDouble(b, l, d), 1e-12, "[" + b + "," + l + "," + d + "]");
                }
            }
        }
        // 3, -4: rms 3.5355..., so 3 -> 0.8485 * 2
        assertEquals(2 * 3 / Math.sqrt(12.5 + 1e-5), out.getDouble(0, 0, 0), 1e-12);
    }

    @Test
    void softplusIsFiniteAndExactOverTheWholeRange() {
        SameDiff sd = SameDiff.create();
        double[] x = {-100, -20, -1, 0.25, 3, 30, 100, 500};
        SDVariable out = Activations.softplus(sd.constant(Nd4j.createFromArray(x).castTo(DataType.FLOAT)));
        INDArray v = out.eval();
        for (int i = 0; i < x.length; i++) {
            double expected = Math.max(x[i], 0) + Math.log1p(Math.exp(-Math.abs(x[i])));
            assertEquals(expected, v.getDouble(i), 1e-6 * Math.max(1, Math.abs(expected)), "softplus(" + x[i] + ")");
        }
        assertEquals(500.0, v.getDouble(7), 1e-3, "no overflow where libnd4j's softplus gives infinity");
    }
}
