package org.mdlm.api.kernels;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.DynamicCustomOp;
import org.nd4j.linalg.api.ops.OpContext;
import org.nd4j.linalg.api.shape.LongShapeDescriptor;

/**
 * A graph op whose kernel is Java code: {@link #compute} reads the input arrays and fills the
 * output arrays. Its settings live in the op's integer and floating-point arguments only, because
 * SameDiff rebuilds the op from those (through FlatBuffers, with the no-argument constructor) when
 * it derives the gradient function. Every output is float32, like the inputs it accepts.
 *
 * <p>Subclasses name the op ({@link #opName}, prefixed {@code mdlm_}), give the output shapes from
 * the input shapes, compute, and build their gradient from other Java ops in {@link #doDiff}.
 */
public abstract class JavaOp extends DynamicCustomOp {

    /** For SameDiff's deserialization only. */
    protected JavaOp() {
    }

    /**
     * Adds the op to the graph of {@code args}.
     *
     * @param sd the graph
     * @param args the op's inputs, in order
     * @param iArgs integer settings (may be empty)
     * @param tArgs floating-point settings (may be empty)
     */
    protected JavaOp(SameDiff sd, SDVariable[] args, long[] iArgs, double[] tArgs) {
        super(sd, args);
        JavaOpRegistry.register(getClass());
        addIArgument(iArgs);
        addTArgument(tArgs);
    }

    @Override
    public abstract String opName();

    /**
     * Replaces the settings (for ops built outside a graph, to run with {@link #exec}).
     *
     * @param iArgs integer settings
     * @param tArgs floating-point settings
     */
    protected void setArguments(long[] iArgs, double[] tArgs) {
        iArguments.clear();
        tArguments.clear();
        addIArgument(iArgs);
        addTArgument(tArgs);
    }

    /** Floating-point setting {@code i}. */
    protected double doubleArg(int i) {
        return tArgs()[i];
    }

    /** Integer setting {@code i}. */
    protected long longArg(int i) {
        return iArgs()[i];
    }

    /** Always 0: the hash SameDiff writes for ops libnd4j does not know, under which they are registered. */
    @Override
    public long opHash() {
        return 0L;
    }

    @Override
    public abstract int getNumOutputs();

    /**
     * The shapes of the outputs, in order, for inputs of {@code inputShapes}.
     *
     * @param inputShapes the shape of each input
     * @return one shape per output
     */
    public abstract long[][] outputShapes(long[][] inputShapes);

    /**
     * Runs the kernel: {@code out} are fresh float32 arrays of {@link #outputShapes} (their contents
     * undefined: every element must be written), {@code in} the input arrays (may be views).
     *
     * @param in the inputs, in order
     * @param out the outputs, in order
     */
    public abstract void compute(INDArray[] in, INDArray[] out);

    /**
     * The multiply-adds of the largest BLAS product this kernel runs on {@code in} (0 when it runs
     * none): the executor gives a large product more BLAS threads, as it does libnd4j's own matmul.
     *
     * @param in the inputs, in order
     */
    public long productWork(INDArray[] in) {
        return 0L;
    }

    @Override
    public List<DataType> calculateOutputDataTypes(List<DataType> dataTypes) {
        return Collections.nCopies(getNumOutputs(), DataType.FLOAT);
    }

    @Override
    public List<LongShapeDescriptor> calculateOutputShape(OpContext oc) {
        List<INDArray> ins = oc.getInputArrays();
        long[][] shapes = new long[ins.size()][];
        for (int i = 0; i < shapes.length; i++) {
            shapes[i] = ins.get(i).shape();
        }
        return describe(outputShapes(shapes));
    }

    @Override
    public List<LongShapeDescriptor> calculateOutputShape() {
        List<INDArray> ins = inputArguments();
        long[][] shapes = new long[ins.size()][];
        for (int i = 0; i < shapes.length; i++) {
            shapes[i] = ins.get(i).shape();
        }
        return describe(outputShapes(shapes));
    }

    /** Float32 descriptors of {@code shapes}, in C order. */
    public static List<LongShapeDescriptor> describe(long[][] shapes) {
        List<LongShapeDescriptor> out = new ArrayList<>(shapes.length);
        for (long[] s : shapes) {
            out.add(LongShapeDescriptor.fromShape(s, DataType.FLOAT));
        }
        return out;
    }

    /** No properties: the settings are the op's arguments (SameDiff's default would look the op up in libnd4j). */
    @Override
    public Map<String, Object> propertiesForFunction() {
        return Collections.emptyMap();
    }

    /** Runs this op on {@code in} outside any graph (tests, and callers that hold the arrays): new outputs. */
    public INDArray[] exec(INDArray... in) {
        long[][] shapes = new long[in.length][];
        for (int i = 0; i < in.length; i++) {
            shapes[i] = in[i].shape();
        }
        long[][] outShapes = outputShapes(shapes);
        INDArray[] out = new INDArray[outShapes.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = org.nd4j.linalg.factory.Nd4j.createUninitialized(DataType.FLOAT, outShapes[i]);
        }
        compute(in, out);
        return out;
    }
}
