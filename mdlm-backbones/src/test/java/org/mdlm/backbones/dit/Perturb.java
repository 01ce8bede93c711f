package org.mdlm.backbones.dit;

import java.util.SplittableRandom;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.autodiff.samediff.VariableType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** Sets every trainable variable to seeded random values (zero-init parameters hide most gradients). */
final class Perturb {

    private Perturb() {
    }

    static void all(SameDiff sd, double scale, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        for (SDVariable v : sd.variables()) {
            if (v.getVariableType() != VariableType.VARIABLE) {
                continue;
            }
            INDArray arr = v.getArr();
            double[] values = new double[(int) arr.length()];
            for (int i = 0; i < values.length; i++) {
                values[i] = scale * (2 * r.nextDouble() - 1);
                if (v.name().endsWith("norm1.weight") || v.name().endsWith("norm2.weight")
                        || v.name().endsWith("norm_final.weight")) {
                    values[i] += 1.0;
                }
            }
            v.setArray(Nd4j.createFromArray(values).reshape(arr.shape()).castTo(arr.dataType()));
        }
    }
}
