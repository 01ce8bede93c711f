package org.mdlm.engine;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.mdlm.engine.PlaceholderFeeds;
import org.mdlm.api.model.BackboneInputs;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.autodiff.samediff.VariableType;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * One SameDiff graph of a model: placeholders {@code xt}, {@code x0} (INT32 [B,L]), {@code sigma},
 * {@code weight} (FLOAT [B]), the backbone's logits, the parameterization's log p(x0|xt) and, when
 * asked for, the per-token loss and its mean {@code loss}.
 */
final class ModelGraph {

    static final String XT = "xt";
    static final String X0 = "x0";
    static final String SIGMA = "sigma";
    static final String WEIGHT = "weight";
    static final String LOSS = "loss";

    private final SameDiff sd;
    private final ModelSpec spec;
    private final PlaceholderFeeds feeds;
    private final String logProbsName;
    private final String tokenLossName;
    private final List<String> paramNames;

    private ModelGraph(SameDiff sd, ModelSpec spec, PlaceholderFeeds feeds, String logProbsName, String tokenLossName) {
        this.sd = sd;
        this.spec = spec;
        this.feeds = feeds;
        this.logProbsName = logProbsName;
        this.tokenLossName = tokenLossName;
        List<String> names = new ArrayList<>();
        for (SDVariable v : sd.variables()) {
            if (v.getVariableType() == VariableType.VARIABLE) {
                names.add(v.name());
            }
        }
        names.sort(null);
        this.paramNames = List.copyOf(names);
    }

    /**
     * Builds the graph.
     *
     * @param training true: dropout active, graph used for gradients
     * @param withLoss also build {@code x0}, {@code weight}, the per-token loss and {@code loss}
     * @param initSeed seed of the backbone's initial weights
     */
    static ModelGraph build(ModelSpec spec, boolean training, boolean withLoss, long initSeed) {
        SameDiff sd = SameDiff.create();
        SDVariable xt = sd.placeHolder(XT, DataType.INT32, -1, -1);
        SDVariable sigma = sd.placeHolder(SIGMA, DataType.FLOAT, -1);
        PlaceholderFeeds feeds = new PlaceholderFeeds(sd);
        SDVariable logits = spec.backbone().logits(sd,
                new BackboneInputs(xt, sigma, spec.vocabSize(), training, initSeed, feeds));
        SDVariable logp = spec.parameterization().logProbs(sd, logits, xt, spec.maskId());
        String tokenLossName = null;
        if (withLoss) {
            SDVariable x0 = sd.placeHolder(X0, DataType.INT32, -1, -1);
            SDVariable weight = sd.placeHolder(WEIGHT, DataType.FLOAT, -1);
            SDVariable tokLoss = spec.parameterization()
                    .tokenLossFromLogits(sd, logits, x0, xt, weight, spec.maskId());
            SDVariable loss = sd.mean(LOSS, tokLoss);
            sd.setLossVariables(loss);
            tokenLossName = tokLoss.name();
        }
        return new ModelGraph(sd, spec, feeds, logp.name(), tokenLossName);
    }

    SameDiff sameDiff() {
        return sd;
    }

    /** The backbone's extra placeholders, row lookups included. */
    PlaceholderFeeds feeds() {
        return feeds;
    }

    ModelSpec spec() {
        return spec;
    }

    String logProbsName() {
        return logProbsName;
    }

    String tokenLossName() {
        if (tokenLossName == null) {
            throw new IllegalStateException("graph was built without a loss");
        }
        return tokenLossName;
    }

    /** Names of the trainable variables, sorted. */
    List<String> paramNames() {
        return paramNames;
    }

    /** The live parameter arrays of the graph (updating them in place updates the model). */
    Map<String, INDArray> params() {
        Map<String, INDArray> out = new TreeMap<>();
        for (String n : paramNames) {
            out.put(n, sd.getArrForVarName(n));
        }
        return out;
    }

    /**
     * Differences between this graph's parameters and {@code values}: missing, unexpected and
     * differently shaped names; empty when they match.
     */
    List<String> differences(Map<String, INDArray> values) {
        List<String> diffs = new ArrayList<>();
        for (String n : paramNames) {
            INDArray v = values.get(n);
            long[] expected = sd.getArrForVarName(n).shape();
            if (v == null) {
                diffs.add("parameter '" + n + "' " + Arrays.toString(expected) + " is missing");
            } else if (!Arrays.equals(expected, v.shape())) {
                diffs.add("parameter '" + n + "' has shape " + Arrays.toString(v.shape()) + " but the model needs "
                        + Arrays.toString(expected));
            }
        }
        for (String n : values.keySet()) {
            if (!paramNames.contains(n)) {
                diffs.add("unexpected parameter '" + n + "' " + Arrays.toString(values.get(n).shape()));
            }
        }
        return diffs;
    }

    /** Copies {@code values} into the graph's parameters (names and shapes must match exactly). */
    void setParams(Map<String, INDArray> values) {
        List<String> diffs = differences(values);
        if (!diffs.isEmpty()) {
            throw new IllegalArgumentException("weights do not fit the model '" + spec.description() + "': "
                    + String.join("; ", diffs));
        }
        for (String n : paramNames) {
            sd.getArrForVarName(n).assign(values.get(n));
        }
    }

    /**
     * The placeholder values of one execution.
     *
     * @param withTargets also feed {@code x0} and {@code weight}
     * @param feedRng random source for the backbone's extra feeds
     */
    Map<String, INDArray> placeholders(NoisyBatch b, boolean withTargets, SplittableRandom feedRng) {
        Map<String, INDArray> ph = new HashMap<>();
        ph.put(XT, Nd4j.createFromArray(b.xt()));
        ph.put(SIGMA, floats(b.sigma()));
        if (withTargets) {
            ph.put(X0, Nd4j.createFromArray(b.x0()));
            ph.put(WEIGHT, floats(b.weight()));
        }
        feeds.fill(ph, b.batch(), b.length(), feedRng);
        return ph;
    }

    /** Placeholder values for inference: only xt, sigma and the extra feeds. */
    Map<String, INDArray> inferencePlaceholders(int[][] xt, double[] sigma, SplittableRandom feedRng) {
        Map<String, INDArray> ph = new HashMap<>();
        ph.put(XT, Nd4j.createFromArray(xt));
        ph.put(SIGMA, floats(sigma));
        feeds.fill(ph, xt.length, xt.length == 0 ? 0 : xt[0].length, feedRng);
        return ph;
    }

    static INDArray floats(double[] values) {
        float[] f = new float[values.length];
        for (int i = 0; i < f.length; i++) {
            f[i] = (float) values[i];
        }
        return Nd4j.createFromArray(f);
    }
}
