package org.mdlm.engine;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.mdlm.api.model.BackboneInputs;
import org.mdlm.api.model.InputVectors;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.autodiff.samediff.VariableType;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * One SameDiff graph of a model: placeholders {@code xt} (INT32 [B,L], the backbone's input),
 * {@code sigma} (FLOAT [B], the backbone's noise level: 0 unless it is time-conditioned), {@code output.sigma}
 * (FLOAT [B], the true sigma(t), only when the objective's output reads it), {@code valid} (FLOAT [B,L], only when the
 * vocabulary pads), the backbone's logits and the objective's denoiser output; when asked for, also
 * {@code x0} (INT32 [B,L]), {@code counted} (FLOAT [B,L]), whatever per-sequence inputs the
 * objective's loss declared, its per-token loss, and {@code loss}: the per-token loss averaged over
 * the counted positions.
 */
final class ModelGraph {

    static final String XT = "xt";
    static final String X0 = "x0";
    static final String SIGMA = "sigma";
    static final String VALID = "valid";
    static final String COUNTED = "counted";
    static final String LOSS = "loss";

    private final SameDiff sd;
    private final ModelSpec spec;
    private final PlaceholderFeeds feeds;
    private final String outputName;
    private final String tokenLossName;
    private final GraphLossContext lossContext;
    private final GraphOutputContext outputContext;
    private final GraphVectorContext vectorContext;
    private final List<String> paramNames;
    /** Runs the first pass of self-conditioning (created on first use). */
    private GraphOutputs selfConditionPass;

    private ModelGraph(SameDiff sd, ModelSpec spec, PlaceholderFeeds feeds, String outputName, String tokenLossName,
                       GraphLossContext lossContext, GraphOutputContext outputContext,
                       GraphVectorContext vectorContext) {
        this.sd = sd;
        this.spec = spec;
        this.feeds = feeds;
        this.outputName = outputName;
        this.tokenLossName = tokenLossName;
        this.lossContext = lossContext;
        this.outputContext = outputContext;
        this.vectorContext = vectorContext;
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
     * @param withLoss also build {@code x0}, {@code counted}, the objective's loss inputs, the per-token
     *                 loss and {@code loss}
     * @param initSeed seed of the backbone's initial weights
     */
    static ModelGraph build(ModelSpec spec, boolean training, boolean withLoss, long initSeed) {
        SameDiff sd = SameDiff.create();
        SDVariable xt = sd.placeHolder(XT, DataType.INT32, -1, -1);
        SDVariable sigma = sd.placeHolder(SIGMA, DataType.FLOAT, -1);
        SDVariable valid = spec.vocabulary().padId().isPresent() ? sd.placeHolder(VALID, DataType.FLOAT, -1, -1) : null;
        PlaceholderFeeds feeds = new PlaceholderFeeds(sd);
        SDVariable x0 = withLoss ? sd.placeHolder(X0, DataType.INT32, -1, -1) : null;
        LogitsHolder logitsHolder = new LogitsHolder();
        GraphLossContext context = withLoss ? new GraphLossContext(sd, logitsHolder, x0, xt, spec) : null;
        GraphVectorContext vectorContext = null;
        InputVectors vectors = null;
        spec.objective().backboneIncompatibility(spec.backbone()).ifPresent(why -> {
            throw new IllegalArgumentException(why);
        });
        if (spec.objective().embeddingDiffusion().isPresent()) {
            vectorContext = new GraphVectorContext(sd, x0, context, feeds, training, initSeed, spec.vocabulary());
            vectors = spec.objective().backboneVectors(sd, vectorContext);
        }
        SDVariable logits = spec.backbone().logits(sd, new BackboneInputs(xt, sigma, valid,
                spec.objective().attention(), spec.vocabulary(), training, initSeed, feeds, vectors));
        logitsHolder.logits = logits;
        GraphOutputContext outputContext = new GraphOutputContext(sd, logits, xt, spec.vocabulary(),
                vectorContext == null ? null : vectorContext::t);
        SDVariable output = spec.objective().denoiserOutput(sd, outputContext);
        String tokenLossName = null;
        if (withLoss) {
            SDVariable counted = sd.placeHolder(COUNTED, DataType.FLOAT, -1, -1);
            SDVariable tokLoss = spec.objective().tokenLoss(sd, context);
            SDVariable countedLoss = tokLoss.dataType() == DataType.FLOAT ? tokLoss.mul(counted)
                    : tokLoss.mul(counted.castTo(tokLoss.dataType()));
            SDVariable total = sd.sum(countedLoss);
            SDVariable count = sd.sum(counted);
            SDVariable loss = total.div(LOSS, count.dataType() == total.dataType() ? count : count.castTo(total.dataType()));
            sd.setLossVariables(loss);
            tokenLossName = countedLoss.name();
        }
        return new ModelGraph(sd, spec, feeds, output.name(), tokenLossName, context, outputContext, vectorContext);
    }

    /** The logits, set once the backbone is built (the vector context is made before them). */
    static final class LogitsHolder {
        SDVariable logits;
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

    /** Name of the objective's denoiser output [B, L, V]. */
    String outputName() {
        return outputName;
    }

    /** Name of the per-token loss [B, L], already 0 at positions that do not count. */
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
     * Copies the entries of {@code values} whose name and shape match a parameter; every other
     * parameter keeps its value.
     *
     * @return what did not load: missing, unexpected and differently shaped names (empty when all matched)
     */
    List<String> loadMatching(Map<String, INDArray> values) {
        List<String> diffs = differences(values);
        for (String n : paramNames) {
            INDArray v = values.get(n);
            if (v != null && Arrays.equals(v.shape(), sd.getArrForVarName(n).shape())) {
                sd.getArrForVarName(n).assign(v);
            }
        }
        return diffs;
    }

    /**
     * The placeholder values of one execution.
     *
     * @param withTargets also feed {@code x0}, {@code counted} and the objective's loss inputs
     * @param feedRng random source for the backbone's extra feeds
     */
    Map<String, INDArray> placeholders(NoisyBatch b, boolean withTargets, SplittableRandom feedRng) {
        Map<String, INDArray> ph = new HashMap<>();
        ph.put(XT, Nd4j.createFromArray(b.xt()));
        ph.put(SIGMA, floats(backboneSigma(b.t())));
        outputContext.fill(ph, trueSigma(b.t()));
        putValid(ph, b.x0());
        if (withTargets) {
            if (lossContext == null) {
                throw new IllegalStateException("graph was built without a loss");
            }
            ph.put(X0, Nd4j.createFromArray(b.x0()));
            ph.put(COUNTED, counted(b));
            lossContext.fill(ph, b);
        }
        feeds.fill(ph, b.batch(), b.length(), feedRng);
        GraphVectorContext.SelfCondition sc = vectorContext == null ? null : vectorContext.selfConditioning();
        if (sc != null) {
            double[] rows = b.corruption().rowValues().get(sc.rows());
            if (rows == null) {
                throw new IllegalStateException("the objective's self-conditioning reads row value '" + sc.rows()
                        + "' but its corrupt() returned " + b.corruption().rowValues().keySet());
            }
            selfCondition(sc, ph, b.batch(), b.length(), rows);
        }
        return ph;
    }

    /**
     * Fills a self-conditioning input: zeros, a first pass of this graph to its source, then the
     * estimate kept on the rows whose selector is not 0 ({@code rows} null: every row).
     */
    private void selfCondition(GraphVectorContext.SelfCondition sc, Map<String, INDArray> ph, int batch, int length,
                               double[] rows) {
        ph.put(sc.name(), Nd4j.zeros(DataType.FLOAT, batch, length, sc.width()));
        if (selfConditionPass == null) {
            selfConditionPass = new GraphOutputs(sd);
        }
        INDArray estimate = selfConditionPass.run(ph, List.of(sc.source())).get(sc.source()).castTo(DataType.FLOAT);
        if (rows != null) {
            for (int r = 0; r < batch; r++) {
                if (rows[r] == 0.0) {
                    estimate.slice(r).assign(0.0);
                }
            }
        }
        ph.put(sc.name(), estimate);
    }


    /**
     * Placeholder values for inference on embedding-space states: the state, its times, sigma(t) for
     * the backbone and the extra feeds (xt holds mask ids: it gives the shape only).
     */
    Map<String, INDArray> statePlaceholders(INDArray state, double[] t, SplittableRandom feedRng) {
        if (vectorContext == null || vectorContext.stateWidth() == 0) {
            throw new IllegalStateException("this model reads tokens, not embedding-space states");
        }
        int batch = (int) state.size(0);
        int length = (int) state.size(1);
        int[][] xt = new int[batch][length];
        for (int[] row : xt) {
            Arrays.fill(row, spec.maskId());
        }
        Map<String, INDArray> ph = inferencePlaceholders(xt, trueSigma(t), feedRng);
        vectorContext.fill(ph, t, state);
        GraphVectorContext.SelfCondition sc = vectorContext.selfConditioning();
        if (sc != null) {
            selfCondition(sc, ph, batch, length, null);
        }
        return ph;
    }

    /** The width of the embedding-space state an inference graph reads, 0 for token models. */
    int stateWidth() {
        return vectorContext == null ? 0 : vectorContext.stateWidth();
    }

    /** Placeholder values for inference: xt, sigma, the valid mask and the extra feeds. */
    Map<String, INDArray> inferencePlaceholders(int[][] xt, double[] sigma, SplittableRandom feedRng) {
        Map<String, INDArray> ph = new HashMap<>();
        ph.put(XT, Nd4j.createFromArray(xt));
        ph.put(SIGMA, floats(spec.backbone().timeConditioned() ? sigma : new double[xt.length]));
        outputContext.fill(ph, sigma);
        putValid(ph, xt);
        feeds.fill(ph, xt.length, xt.length == 0 ? 0 : xt[0].length, feedRng);
        return ph;
    }

    /** sigma(t) per sequence when the backbone is time-conditioned, else zeros. */
    private double[] backboneSigma(double[] t) {
        return spec.backbone().timeConditioned() ? trueSigma(t) : new double[t.length];
    }

    /** sigma(t) per sequence. */
    private double[] trueSigma(double[] t) {
        double[] s = new double[t.length];
        for (int i = 0; i < t.length; i++) {
            s[i] = spec.schedule().sigma(t[i]);
        }
        return s;
    }

    private void putValid(Map<String, INDArray> ph, int[][] tokens) {
        if (!sd.hasVariable(VALID)) {
            return;
        }
        int pad = spec.vocabulary().padId().getAsInt();
        int l = tokens.length == 0 ? 0 : tokens[0].length;
        float[] v = new float[tokens.length * l];
        for (int b = 0; b < tokens.length; b++) {
            for (int i = 0; i < l; i++) {
                v[b * l + i] = tokens[b][i] == pad ? 0f : 1f;
            }
        }
        ph.put(VALID, Nd4j.createFromArray(v).reshape(tokens.length, l));
    }

    private static INDArray counted(NoisyBatch b) {
        boolean[][] c = b.corruption().counted();
        int l = b.length();
        float[] v = new float[b.batch() * l];
        for (int r = 0; r < b.batch(); r++) {
            for (int i = 0; i < l; i++) {
                v[r * l + i] = c == null || c[r][i] ? 1f : 0f;
            }
        }
        return Nd4j.createFromArray(v).reshape(b.batch(), l);
    }

    static INDArray floats(double[] values) {
        float[] f = new float[values.length];
        for (int i = 0; i < f.length; i++) {
            f[i] = (float) values[i];
        }
        return Nd4j.createFromArray(f);
    }
}
