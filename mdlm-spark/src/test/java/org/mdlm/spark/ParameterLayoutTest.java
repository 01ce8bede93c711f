package org.mdlm.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** Weights and gradients as one flat float array: name order, C order, shapes restored, and Java-serialisable. */
class ParameterLayoutTest {

    private static Map<String, INDArray> weights() {
        Map<String, INDArray> w = new LinkedHashMap<>();
        w.put("z.bias", Nd4j.createFromArray(7f, 8f));
        w.put("a.kernel", Nd4j.createFromArray(new float[][] {{1, 2, 3}, {4, 5, 6}}));
        return w;
    }

    @Test
    void flattensInNameOrderAndRestoresShapes() throws Exception {
        FlatParameters flat = FlatParameters.of(weights());
        assertEquals(List.of("a.kernel", "z.bias"), flat.layout().names());
        assertArrayEquals(new float[] {1, 2, 3, 4, 5, 6, 7, 8}, flat.values(), 0f);

        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(flat);
        }
        FlatParameters back;
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            back = (FlatParameters) in.readObject();
        }
        Map<String, INDArray> arrays = back.arrays();
        assertArrayEquals(new long[] {2, 3}, arrays.get("a.kernel").shape());
        assertEquals(6f, arrays.get("a.kernel").getFloat(1, 2), 0f);
        assertArrayEquals(new long[] {2}, arrays.get("z.bias").shape());
        assertEquals(8f, arrays.get("z.bias").getFloat(1), 0f);
    }

    @Test
    void aTransposedViewIsReadInItsLogicalOrder() {
        Map<String, INDArray> w = new LinkedHashMap<>();
        w.put("t", Nd4j.createFromArray(new float[][] {{1, 2}, {3, 4}}).transpose());
        assertArrayEquals(new float[] {1, 3, 2, 4}, FlatParameters.of(w).values(), 0f);
    }

    @Test
    void refusesAMissingOrReshapedParameterByName() {
        ParameterLayout layout = ParameterLayout.of(weights());
        Map<String, INDArray> missing = weights();
        missing.remove("z.bias");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> layout.flatten(missing));
        assertTrue(e.getMessage().contains("'z.bias' [2] is missing"), e.getMessage());
        Map<String, INDArray> reshaped = weights();
        reshaped.put("a.kernel", Nd4j.create(3, 2));
        e = assertThrows(IllegalArgumentException.class, () -> layout.flatten(reshaped));
        assertTrue(e.getMessage().contains("arrived with shape [3, 2]"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> layout.arrays(new float[3]));
    }
}
