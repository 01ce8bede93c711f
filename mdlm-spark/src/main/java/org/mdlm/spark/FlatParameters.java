package org.mdlm.spark;

import java.io.Serializable;
import java.util.Map;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A model's weights as one flat float array and its layout: what the driver broadcasts to the
 * executors at every step (Java-serialisable, 4 bytes a parameter).
 *
 * @param layout where each parameter sits
 * @param values the floats, in layout order
 */
record FlatParameters(ParameterLayout layout, float[] values) implements Serializable {

    /** @throws IllegalArgumentException when the values do not fill the layout */
    FlatParameters {
        if (values.length != layout.size()) {
            throw new IllegalArgumentException(values.length + " values for a layout of " + layout.size()
                    + " parameters");
        }
    }

    /** A copy of {@code weights} (sorted by name). */
    static FlatParameters of(Map<String, INDArray> weights) {
        ParameterLayout layout = ParameterLayout.of(weights);
        return new FlatParameters(layout, layout.flatten(weights));
    }

    /** The weights as arrays by name. */
    Map<String, INDArray> arrays() {
        return layout.arrays(values);
    }
}
