package org.mdlm.api.kernels;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Which arrays a kernel reads and writes in place: C-contiguous ones, also with axes of length 1
 * (whose strides ND4J does not keep descending), and not transposed views.
 */
class NativeFloatsTest {

    @Test
    void axesOfLengthOneDoNotMakeAnArrayStrided() {
        INDArray perSequence = Nd4j.createUninitialized(DataType.FLOAT, 2, 1, 5); // strides [5, 5, 1]
        assertTrue(NativeFloats.dense(perSequence));
        NativeFloats out = NativeFloats.out(perSequence);
        float[] v = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10};
        out.putAll(v);
        assertArrayEquals(v, perSequence.dup().data().asFloat());
        assertTrue(NativeFloats.dense(Nd4j.createUninitialized(DataType.FLOAT, 1, 1, 1)));
    }

    @Test
    void transposedAndSlicedViewsAreCopiedForReading() {
        INDArray base = Nd4j.arange(24).castTo(DataType.FLOAT).reshape(2, 3, 4);
        INDArray permuted = base.permute(1, 0, 2);
        assertFalse(NativeFloats.dense(permuted));
        assertArrayEquals(permuted.dup('c').data().asFloat(), NativeFloats.in(permuted).toArray());
        INDArray slice = base.get(org.nd4j.linalg.indexing.NDArrayIndex.all(),
                org.nd4j.linalg.indexing.NDArrayIndex.interval(1, 3), org.nd4j.linalg.indexing.NDArrayIndex.all());
        assertFalse(NativeFloats.dense(slice));
        assertArrayEquals(slice.dup('c').data().asFloat(), NativeFloats.in(slice).toArray());
        INDArray row = base.get(org.nd4j.linalg.indexing.NDArrayIndex.point(1));
        assertTrue(NativeFloats.dense(row), "a whole sub-array is contiguous, at an offset");
        assertArrayEquals(row.dup('c').data().asFloat(), NativeFloats.in(row).toArray());
    }
}
