package org.mdlm.backbones.caduceus;

import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.mdlm.api.domain.Vocabulary;
import org.mdlm.api.model.AttentionPattern;
import org.mdlm.api.model.BackboneInputs;
import org.mdlm.engine.PlaceholderFeeds;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.autodiff.samediff.VariableType;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** Test harness: a graph with placeholders xt [-1,-1] and sigma [-1] and a Caduceus built into it. */
final class CaduceusGraph {

    final SameDiff sd = SameDiff.create();
    final PlaceholderFeeds feeds = new PlaceholderFeeds(sd);
    final SDVariable out;
    final DataType type;

    /** Logits of {@code config} over {@code vocabulary} (bidirectional attention, inference graph). */
    CaduceusGraph(CaduceusConfig config, Vocabulary vocabulary, DataType type, RcHead.Tying tying, long seed) {
        this(config, vocabulary, type, tying, AttentionPattern.BIDIRECTIONAL, false, seed);
    }

    /** Logits, or with {@code features} the trunk's features, for the given attention pattern. */
    CaduceusGraph(CaduceusConfig config, Vocabulary vocabulary, DataType type, RcHead.Tying tying,
                  AttentionPattern attention, boolean features, long seed) {
        this.type = type;
        SDVariable xt = sd.placeHolder("xt", DataType.INT, -1, -1);
        SDVariable sigma = sd.placeHolder("sigma", type, -1);
        Caduceus backbone = new Caduceus(config, type, tying);
        BackboneInputs in = new BackboneInputs(xt, sigma, null, attention, vocabulary, false, seed, feeds);
        out = features ? backbone.features(sd, in) : backbone.logits(sd, in);
    }

    /** Placeholder values for tokens [B, L]. */
    Map<String, INDArray> feed(INDArray xt) {
        Map<String, INDArray> ph = new HashMap<>();
        ph.put("xt", xt.castTo(DataType.INT));
        ph.put("sigma", Nd4j.zeros(type, xt.size(0)));
        feeds.fill(ph, (int) xt.size(0), (int) xt.size(1), new SplittableRandom(7L));
        return ph;
    }

    /** The output for tokens [B, L]. */
    INDArray run(INDArray xt) {
        return sd.output(feed(xt), out.name()).get(out.name());
    }

    /** Sets every trainable variable to seeded values around its initial scale (norm gains near 1). */
    void perturb(double scale, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        for (SDVariable v : sd.variables()) {
            if (v.getVariableType() != VariableType.VARIABLE) {
                continue;
            }
            INDArray arr = v.getArr();
            double[] values = new double[(int) arr.length()];
            boolean gain = v.name().endsWith("norm.weight") || v.name().equals("norm_f.weight");
            for (int i = 0; i < values.length; i++) {
                values[i] = (gain ? 1.0 : 0.0) + scale * (2 * r.nextDouble() - 1);
            }
            v.setArray(Nd4j.createFromArray(values).reshape(arr.shape()).castTo(arr.dataType()));
        }
    }

    /** Random tokens [b, l] in [0, vocab). */
    static INDArray tokens(int b, int l, int vocab, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        int[] v = new int[b * l];
        for (int i = 0; i < v.length; i++) {
            v[i] = r.nextInt(vocab);
        }
        return Nd4j.createFromArray(v).reshape(b, l);
    }

    /** The reverse complement of token rows [B, L]: complemented ids in reversed order. */
    static INDArray reverseComplement(INDArray xt, Vocabulary vocabulary) {
        long b = xt.size(0);
        long l = xt.size(1);
        int[] v = new int[(int) (b * l)];
        for (int i = 0; i < b; i++) {
            for (int j = 0; j < l; j++) {
                v[(int) (i * l + j)] = vocabulary.complement(xt.getInt(i, (int) (l - 1 - j)));
            }
        }
        return Nd4j.createFromArray(v).reshape(b, l);
    }
}
