package org.mdlm.backbones.layers;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Creates the trainable variables of a graph with deterministic initial values.
 *
 * <p>Every variable draws from its own stream split off one {@link SplittableRandom} seeded with the
 * init seed, in creation order, so the same seed and the same build order give the same values.
 */
public final class ParamFactory {

    private final SameDiff sd;
    private final DataType type;
    private final SplittableRandom rng;

    /**
     * @param sd graph to add variables to
     * @param type floating-point type of every variable
     * @param seed init seed
     */
    public ParamFactory(SameDiff sd, DataType type, long seed) {
        this.sd = sd;
        this.type = type;
        this.rng = new SplittableRandom(seed);
    }

    /** The graph. */
    public SameDiff sd() {
        return sd;
    }

    /** The floating-point type of variables and activations. */
    public DataType type() {
        return type;
    }

    /** A variable with entries drawn from U(-bound, bound). */
    public SDVariable uniform(String name, double bound, long... shape) {
        SplittableRandom r = rng.split();
        long n = Arrays.stream(shape).reduce(1L, (a, b) -> a * b);
        if (n > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("parameter " + name + " is too large: " + Arrays.toString(shape));
        }
        INDArray arr;
        if (type == DataType.DOUBLE) {
            double[] v = new double[(int) n];
            for (int i = 0; i < v.length; i++) {
                v[i] = r.nextDouble(-bound, bound);
            }
            arr = Nd4j.createFromArray(v);
        } else {
            float[] v = new float[(int) n];
            for (int i = 0; i < v.length; i++) {
                v[i] = (float) r.nextDouble(-bound, bound);
            }
            arr = Nd4j.createFromArray(v).castTo(type);
        }
        return sd.var(name, arr.reshape('c', shape).dup('c'));
    }

    /**
     * Computes one entry of a variable from its flat (row-major) index and the variable's own
     * random stream, for initial values that are not plain uniform draws.
     */
    @FunctionalInterface
    public interface ValueRule {
        /**
         * @param index flat row-major index of the entry
         * @param rng the variable's own stream, read in index order
         * @return the entry's initial value
         */
        double value(int index, SplittableRandom rng);
    }

    /**
     * A variable whose entries {@code rule} computes in index order from the variable's own stream
     * (e.g. Mamba's time-step bias, the inverse softplus of log-uniform steps; its {@code A_log}, the
     * log of 1..N per row).
     */
    public SDVariable computed(String name, ValueRule rule, long... shape) {
        SplittableRandom r = rng.split();
        long n = Arrays.stream(shape).reduce(1L, (a, b) -> a * b);
        if (n > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("parameter " + name + " is too large: " + Arrays.toString(shape));
        }
        double[] v = new double[(int) n];
        for (int i = 0; i < v.length; i++) {
            v[i] = rule.value(i, r);
        }
        INDArray arr = Nd4j.createFromArray(v).castTo(type);
        return sd.var(name, arr.reshape('c', shape).dup('c'));
    }

    /** A variable filled with zeros (adaLN modulation and output projection start at zero). */
    public SDVariable zeros(String name, long... shape) {
        rng.split(); // keep the stream of later parameters independent of how this one is initialised
        return sd.var(name, Nd4j.zeros(type, shape));
    }

    /** A variable filled with ones (LayerNorm gains). */
    public SDVariable ones(String name, long... shape) {
        rng.split();
        return sd.var(name, Nd4j.ones(type, shape));
    }
}
