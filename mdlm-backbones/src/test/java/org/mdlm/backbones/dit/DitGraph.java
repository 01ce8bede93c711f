package org.mdlm.backbones.dit;

import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.mdlm.api.domain.Vocabulary;
import org.mdlm.api.model.AttentionPattern;
import org.mdlm.api.model.BackboneInputs;
import org.mdlm.engine.PlaceholderFeeds;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** Test harness: a graph with placeholders xt [-1,-1] and sigma [-1] and a DiT built into it. */
final class DitGraph {

    final SameDiff sd = SameDiff.create();
    final PlaceholderFeeds feeds = new PlaceholderFeeds(sd);
    final SDVariable logits;
    final DataType type;

    DitGraph(DitConfig config, int vocab, boolean training, long seed, DataType type) {
        this(config, vocab, training, seed, type, AttentionPattern.BIDIRECTIONAL, false);
    }

    /**
     * A graph with the given attention pattern; with {@code padded}, also a FLOAT [B, L] placeholder
     * {@code valid} (1 = real token, 0 = padding) and a vocabulary whose id {@code vocab - 2} is the pad.
     */
    DitGraph(DitConfig config, int vocab, boolean training, long seed, DataType type, AttentionPattern attention,
             boolean padded) {
        this.type = type;
        SDVariable xt = sd.placeHolder("xt", DataType.INT, -1, -1);
        SDVariable sigma = sd.placeHolder("sigma", type, -1);
        SDVariable valid = padded ? sd.placeHolder("valid", DataType.FLOAT, -1, -1) : null;
        Dit dit = new Dit(config, type);
        logits = dit.logits(sd, new BackboneInputs(xt, sigma, valid, attention, Vocabulary.of(vocab, vocab - 1),
                training, seed, feeds));
    }

    DitGraph(DitConfig config, int vocab) {
        this(config, vocab, false, 42L, DataType.FLOAT);
    }

    /** Placeholder values for tokens [B, L] and sigma [B]. */
    Map<String, INDArray> feed(INDArray xt, INDArray sigma) {
        Map<String, INDArray> ph = new HashMap<>();
        ph.put("xt", xt.castTo(DataType.INT));
        ph.put("sigma", sigma.castTo(type));
        feeds.fill(ph, (int) xt.size(0), (int) xt.size(1), new SplittableRandom(7L));
        return ph;
    }

    /** Runs the graph, returning the named outputs. */
    Map<String, INDArray> run(INDArray xt, INDArray sigma, String... outputs) {
        return sd.output(feed(xt, sigma), outputs);
    }

    /** Logits for tokens and sigma. */
    INDArray logits(INDArray xt, INDArray sigma) {
        return run(xt, sigma, logits.name()).get(logits.name());
    }

    /** The current value of a variable. */
    INDArray array(String name) {
        return sd.getArrForVarName(name);
    }

    /** Random tokens [b, l] in [0, vocab). */
    static INDArray tokens(int b, int l, int vocab, long seed) {
        java.util.SplittableRandom r = new java.util.SplittableRandom(seed);
        int[] v = new int[b * l];
        for (int i = 0; i < v.length; i++) {
            v[i] = r.nextInt(vocab);
        }
        return Nd4j.createFromArray(v).reshape(b, l);
    }
}
