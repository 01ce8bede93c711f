package org.mdlm.engine.finetune;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.mdlm.api.domain.Vocabulary;
import org.mdlm.api.model.AttentionPattern;
import org.mdlm.api.model.Backbone;
import org.mdlm.api.model.BackboneInputs;
import org.mdlm.engine.PlaceholderFeeds;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.autodiff.samediff.VariableType;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The graph of a sequence classifier on a backbone:
 * <pre>
 *   features = backbone.features(xt, sigma = 0, bidirectional)        [B, L, H]
 *   pooled   = sum_l pool[b, l] * features[b, l]                      [B, H]   (pool = valid / #valid: the mean over valid positions)
 *   logits   = pooled · W + b                                         [B, C]   (W [H, C], b [C]: the head)
 *   log p    = logits - m - log sum_c exp(logits - m),  m = max_c logits
 *   loss     = -(1/B) sum_b sum_c targets[b, c] log p[b, c]           (targets: one-hot labels)
 * </pre>
 * The log-softmax is written from primitives: SameDiff M2.1's {@code logSoftmax} with an axis
 * breaks gradients. The backbone's variables carry the names it gives them in its language-model
 * graph, so pretrained weights load by name ({@link #loadBackbone}); the head is
 * {@value #HEAD_WEIGHT} (uniform in +-1/sqrt(H), seeded) and {@value #HEAD_BIAS} (zeros). The
 * backbone sees sigma 0 (clean input) and, when the vocabulary pads, the validity mask.
 */
public final class ClassifierGraph {

    /** Token ids, INT32 [B, L]. */
    public static final String XT = "xt";
    /** The backbone's noise level, FLOAT [B]: always 0. */
    public static final String SIGMA = "sigma";
    /** 1 at real tokens, 0 at padding, FLOAT [B, L]: only when the vocabulary pads. */
    public static final String VALID = "valid";
    /** Pooling weights, FLOAT [B, L]: 1/#valid at valid positions, else 0. */
    public static final String POOL = "pool";
    /** One-hot labels, FLOAT [B, C]. */
    public static final String TARGETS = "targets";
    /** The backbone's features [B, L, H]. */
    public static final String FEATURES = "classifier.features";
    /** The pooled features [B, H]. */
    public static final String POOLED = "classifier.pooled";
    /** The class logits [B, C]. */
    public static final String LOGITS = "classifier.logits";
    /** The mean cross-entropy, a scalar. */
    public static final String LOSS = "classifier.loss";
    /** The head's weight [H, C]. */
    public static final String HEAD_WEIGHT = "classifier.weight";
    /** The head's bias [C]. */
    public static final String HEAD_BIAS = "classifier.bias";

    private final SameDiff sd;
    private final PlaceholderFeeds feeds;
    private final Vocabulary vocabulary;
    private final int classes;
    private final List<String> backboneParams;

    private ClassifierGraph(SameDiff sd, PlaceholderFeeds feeds, Vocabulary vocabulary, int classes,
                            List<String> backboneParams) {
        this.sd = sd;
        this.feeds = feeds;
        this.vocabulary = vocabulary;
        this.classes = classes;
        this.backboneParams = backboneParams;
    }

    /**
     * Builds the graph.
     *
     * @param training whether the backbone builds its training graph (its dropout active)
     * @param backboneSeed seed of the backbone's initial weights (replaced when pretrained ones are loaded)
     * @param headSeed seed of the head's initial weights
     * @throws UnsupportedOperationException when the backbone does not expose its features
     */
    public static ClassifierGraph build(Backbone backbone, Vocabulary vocabulary, int classes, boolean training,
                                        long backboneSeed, long headSeed) {
        Objects.requireNonNull(backbone, "backbone");
        Objects.requireNonNull(vocabulary, "vocabulary");
        if (classes < 2) {
            throw new IllegalArgumentException("a classifier needs at least 2 classes, got " + classes);
        }
        int h = backbone.featureWidth();
        SameDiff sd = SameDiff.create();
        SDVariable xt = sd.placeHolder(XT, DataType.INT32, -1, -1);
        SDVariable sigma = sd.placeHolder(SIGMA, DataType.FLOAT, -1);
        SDVariable valid = vocabulary.padId().isPresent() ? sd.placeHolder(VALID, DataType.FLOAT, -1, -1) : null;
        SDVariable pool = sd.placeHolder(POOL, DataType.FLOAT, -1, -1);
        SDVariable targets = sd.placeHolder(TARGETS, DataType.FLOAT, -1, classes);
        PlaceholderFeeds feeds = new PlaceholderFeeds(sd);
        SDVariable features = backbone.features(sd, new BackboneInputs(xt, sigma, valid,
                AttentionPattern.BIDIRECTIONAL, vocabulary, training, backboneSeed, feeds));
        List<String> backboneParams = variables(sd);
        for (String n : List.of(HEAD_WEIGHT, HEAD_BIAS)) {
            if (sd.hasVariable(n)) {
                throw new IllegalArgumentException("the backbone already has a variable named '" + n + "'");
            }
        }
        features = sd.identity(FEATURES, features.dataType() == DataType.FLOAT ? features
                : features.castTo(DataType.FLOAT));
        SDVariable weights = sd.expandDims(pool, 1);                                      // [B, 1, L]
        SDVariable pooled = sd.reshape(POOLED, sd.mmul(weights, features), -1, h);        // [B, H]
        SDVariable w = sd.var(HEAD_WEIGHT, uniform(new SplittableRandom(headSeed), 1.0 / Math.sqrt(h), h, classes));
        SDVariable b = sd.var(HEAD_BIAS, Nd4j.zeros(DataType.FLOAT, classes));
        SDVariable logits = sd.identity(LOGITS, pooled.mmul(w).add(b));                  // [B, C]
        SDVariable max = sd.max(logits, true, 1);
        SDVariable shifted = logits.sub(max);
        SDVariable logNorm = sd.math.log(sd.sum(sd.math.exp(shifted), true, 1));
        SDVariable logProbs = shifted.sub(logNorm);
        SDVariable perRow = sd.sum(targets.mul(logProbs), 1).neg();                       // [B]
        sd.mean(LOSS, perRow);
        sd.setLossVariables(LOSS);
        return new ClassifierGraph(sd, feeds, vocabulary, classes, backboneParams);
    }

    private static List<String> variables(SameDiff sd) {
        List<String> names = new ArrayList<>();
        for (SDVariable v : sd.variables()) {
            if (v.getVariableType() == VariableType.VARIABLE) {
                names.add(v.name());
            }
        }
        names.sort(null);
        return List.copyOf(names);
    }

    /** The graph. */
    public SameDiff sameDiff() {
        return sd;
    }

    /** The backbone's extra placeholders (rotary tables, dropout masks, embedding rows). */
    public PlaceholderFeeds feeds() {
        return feeds;
    }

    /** Number of classes. */
    public int classes() {
        return classes;
    }

    /** Names of the backbone's variables, sorted (the head's are not among them). */
    public List<String> backboneParams() {
        return backboneParams;
    }

    /** The live arrays of every variable, backbone and head, by name. */
    public Map<String, INDArray> params() {
        Map<String, INDArray> out = new TreeMap<>();
        for (String n : variables(sd)) {
            out.put(n, sd.getArrForVarName(n));
        }
        return out;
    }

    /**
     * Copies pretrained weights into the backbone, by name; the head keeps its initialisation.
     *
     * @param weights e.g. a checkpoint's EMA weights
     * @return the names in {@code weights} that are not backbone variables (e.g. the language-model
     *         output layer), sorted
     * @throws IllegalArgumentException naming every backbone variable that is missing or shaped otherwise
     */
    public List<String> loadBackbone(Map<String, INDArray> weights) {
        List<String> problems = new ArrayList<>();
        for (String n : backboneParams) {
            INDArray v = weights.get(n);
            long[] shape = sd.getArrForVarName(n).shape();
            if (v == null) {
                problems.add("'" + n + "' " + Arrays.toString(shape) + " is missing");
            } else if (!Arrays.equals(v.shape(), shape)) {
                problems.add("'" + n + "' has shape " + Arrays.toString(v.shape()) + " but the backbone needs "
                        + Arrays.toString(shape));
            }
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("the pretrained weights do not fit the backbone: "
                    + String.join("; ", problems));
        }
        for (String n : backboneParams) {
            sd.getArrForVarName(n).assign(weights.get(n));
        }
        return weights.keySet().stream().filter(n -> !backboneParams.contains(n)).sorted().toList();
    }

    /** Copies every variable's value from {@code other}, a graph built for the same backbone and classes. */
    public void copyParamsFrom(ClassifierGraph other) {
        other.params().forEach((n, a) -> sd.getArrForVarName(n).assign(a));
    }

    /**
     * The placeholder values of one call.
     *
     * @param tokens token ids [B][L], every row of the same length
     * @param labels class index per row, or null to leave out the targets (scoring only)
     * @param feedRng random source of the backbone's feeds (dropout masks)
     */
    public Map<String, INDArray> placeholders(int[][] tokens, int[] labels, SplittableRandom feedRng) {
        int batch = tokens.length;
        int length = tokens[0].length;
        int pad = vocabulary.padId().orElse(-1);
        float[] valid = new float[batch * length];
        float[] pool = new float[batch * length];
        for (int r = 0; r < batch; r++) {
            if (tokens[r].length != length) {
                throw new IllegalArgumentException("row " + r + " has " + tokens[r].length + " tokens, row 0 " + length);
            }
            int n = 0;
            for (int i = 0; i < length; i++) {
                if (tokens[r][i] != pad) {
                    valid[r * length + i] = 1f;
                    n++;
                }
            }
            for (int i = 0; i < length && n > 0; i++) {
                pool[r * length + i] = valid[r * length + i] / n;
            }
        }
        Map<String, INDArray> ph = new HashMap<>();
        ph.put(XT, Nd4j.createFromArray(tokens));
        ph.put(SIGMA, Nd4j.zeros(DataType.FLOAT, batch));
        if (sd.hasVariable(VALID)) {
            ph.put(VALID, Nd4j.create(valid, new long[] {batch, length}, 'c'));
        }
        ph.put(POOL, Nd4j.create(pool, new long[] {batch, length}, 'c'));
        if (labels != null) {
            float[] t = new float[batch * classes];
            for (int r = 0; r < batch; r++) {
                t[r * classes + labels[r]] = 1f;
            }
            ph.put(TARGETS, Nd4j.create(t, new long[] {batch, classes}, 'c'));
        }
        feeds.fill(ph, batch, length, feedRng);
        return ph;
    }

    private static INDArray uniform(SplittableRandom rng, double bound, long rows, long cols) {
        float[] w = new float[Math.toIntExact(rows * cols)];
        for (int i = 0; i < w.length; i++) {
            w[i] = (float) ((rng.nextDouble() * 2 - 1) * bound);
        }
        return Nd4j.create(w, new long[] {rows, cols}, 'c');
    }
}
