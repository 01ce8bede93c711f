package org.mdlm.engine.finetune;

import java.util.SplittableRandom;
import org.mdlm.api.model.Backbone;
import org.mdlm.api.model.BackboneInputs;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A backbone small enough to compute by hand (tests): features[b, l] = tanh(emb[xt[b, l]] · proj),
 * with "emb" [V, H] and "proj" [H, H] drawn uniformly in +-0.5 from the init seed; no position
 * mixing, so padded positions cannot change the others. Its logits add "out" [H, V].
 */
final class EmbeddingBackbone implements Backbone {

    static final String EMB = "emb";
    static final String PROJ = "proj";

    private final int hidden;

    EmbeddingBackbone(int hidden) {
        this.hidden = hidden;
    }

    @Override
    public SDVariable features(SameDiff sd, BackboneInputs in) {
        int v = in.vocabSize();
        SplittableRandom rng = new SplittableRandom(in.initSeed());
        SDVariable emb = sd.var(EMB, uniform(rng, v, hidden));
        SDVariable proj = sd.var(PROJ, uniform(rng, hidden, hidden));
        SDVariable shapeBLH = sd.concat(0, sd.shape(in.xt()).castTo(DataType.LONG),
                sd.constant(Nd4j.createFromArray((long) hidden)));
        SDVariable oneHot = sd.reshape(sd.oneHot(in.xt(), v).castTo(DataType.FLOAT), -1, v);
        return sd.reshape(sd.math.tanh(oneHot.mmul(emb).mmul(proj)), shapeBLH);
    }

    @Override
    public SDVariable logits(SameDiff sd, BackboneInputs in) {
        SDVariable f = features(sd, in);
        SDVariable out = sd.var("out", uniform(new SplittableRandom(in.initSeed() + 1), hidden, in.vocabSize()));
        return sd.reshape(sd.reshape(f, -1, hidden).mmul(out), sd.concat(0, sd.shape(in.xt()).castTo(DataType.LONG),
                sd.constant(Nd4j.createFromArray((long) in.vocabSize()))));
    }

    @Override
    public int featureWidth() {
        return hidden;
    }

    @Override
    public boolean timeConditioned() {
        return false;
    }

    static INDArray uniform(SplittableRandom rng, long rows, long cols) {
        float[] w = new float[Math.toIntExact(rows * cols)];
        for (int i = 0; i < w.length; i++) {
            w[i] = (float) (rng.nextDouble() - 0.5);
        }
        return Nd4j.create(w, new long[] {rows, cols}, 'c');
    }
}
