package org.mdlm.engine;

import java.util.SplittableRandom;
import org.mdlm.api.model.Backbone;
import org.mdlm.api.model.BackboneInputs;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A small backbone for tests: one-hot(xt) x "emb" [V,H], concatenated with its left and right
 * neighbours' embeddings, "mix.weight" [3H,H] + "mix.bias", tanh, optional dropout (a feed), then
 * "out.weight" [H,V] + "out.bias". Enough context to learn a periodic corpus. Its features are the
 * tanh layer's output [B, L, H] (the same variables without "out").
 */
final class TinyTestBackbone implements Backbone {

    private final int hidden;
    private final boolean timeConditioned;
    private final boolean useSigma;
    private final double dropout;
    private final boolean rowLookup;
    private boolean readsVectors;

    /**
     * @param timeConditioned what {@link #timeConditioned()} reports
     * @param useSigma whether the graph actually adds sigma * "time.weight" (true even when not
     *                 declared time-conditioned, to test that the engine feeds zeros then)
     */
    TinyTestBackbone(int hidden, boolean timeConditioned, boolean useSigma, double dropout) {
        this(hidden, timeConditioned, useSigma, dropout, false);
    }

    /** @param rowLookup embed by a row lookup feed ({@code "emb.rows"}) instead of a one-hot product */
    TinyTestBackbone(int hidden, boolean timeConditioned, boolean useSigma, double dropout, boolean rowLookup) {
        this.hidden = hidden;
        this.timeConditioned = timeConditioned;
        this.useSigma = useSigma;
        this.dropout = dropout;
        this.rowLookup = rowLookup;
    }

    TinyTestBackbone(int hidden) {
        this(hidden, false, false, 0.1);
    }

    /**
     * A time-conditioned backbone that reads input vectors (an objective in embedding space): they are
     * projected by "vin" [W, H] in place of the token embedding.
     */
    static TinyTestBackbone forVectors(int hidden) {
        TinyTestBackbone b = new TinyTestBackbone(hidden, true, true, 0.0);
        b.readsVectors = true;
        return b;
    }

    @Override
    public boolean readsVectors() {
        return readsVectors;
    }

    @Override
    public SDVariable logits(SameDiff sd, BackboneInputs in) {
        return build(sd, in, true);
    }

    /** The tanh layer's output [B, L, H], before "out". */
    @Override
    public SDVariable features(SameDiff sd, BackboneInputs in) {
        return build(sd, in, false);
    }

    @Override
    public int featureWidth() {
        return hidden;
    }

    private SDVariable build(SameDiff sd, BackboneInputs in, boolean withHead) {
        int v = in.vocabSize();
        int h = hidden;
        SplittableRandom rng = new SplittableRandom(in.initSeed());
        SDVariable emb = in.vectors() == null ? sd.var("emb", init(rng, 1.0, v, h)) : null;
        SDVariable mixW = sd.var("mix.weight", init(rng, 1.0 / Math.sqrt(3 * h), 3 * h, h));
        SDVariable mixB = sd.var("mix.bias", Nd4j.zeros(DataType.FLOAT, h));
        INDArray outInit = init(rng, 1.0 / Math.sqrt(h), h, v);

        SDVariable shapeBL = sd.shape(in.xt()).castTo(DataType.LONG);
        SDVariable shapeBLH = sd.concat(0, shapeBL, sd.constant(Nd4j.createFromArray((long) h)));
        SDVariable shapeBLV = sd.concat(0, shapeBL, sd.constant(Nd4j.createFromArray((long) v)));

        SDVariable e;
        if (in.vectors() != null) {
            int w = in.vectors().width();
            SDVariable vin = sd.var("vin", init(rng, 1.0 / Math.sqrt(w), w, h));
            e = sd.reshape(sd.reshape(in.vectors().values(), -1, w).mmul(vin), shapeBLH);      // [B,L,H]
        } else if (rowLookup) {
            e = in.feeds().rows("emb.rows", emb, in.xt());                                  // [B,L,H]
        } else {
            SDVariable oneHot = sd.oneHot(in.xt(), v).castTo(DataType.FLOAT);
            e = sd.reshape(sd.reshape(oneHot, -1, v).mmul(emb), shapeBLH);                  // [B,L,H]
        }
        SDVariable first = sd.stridedSlice(e, new long[] {0, 0, 0}, new long[] {0, 1, 0}, new long[] {1, 1, 1},
                0b101, 0b101, 0, 0, 0);
        SDVariable zeros = first.mul(0.0);                                                  // [B,1,H]
        SDVariable allButLast = sd.stridedSlice(e, new long[] {0, 0, 0}, new long[] {0, -1, 0},
                new long[] {1, 1, 1}, 0b101, 0b101, 0, 0, 0);
        SDVariable allButFirst = sd.stridedSlice(e, new long[] {0, 1, 0}, new long[] {0, 0, 0},
                new long[] {1, 1, 1}, 0b101, 0b111, 0, 0, 0);
        SDVariable left = sd.concat(1, zeros, allButLast);
        SDVariable right = sd.concat(1, allButFirst, zeros);
        SDVariable cat = sd.concat(2, e, left, right);                                      // [B,L,3H]
        SDVariable pre = sd.reshape(sd.reshape(cat, -1, 3 * h).mmul(mixW).add(mixB), shapeBLH);
        if (useSigma) {
            SDVariable timeW = sd.var("time.weight", init(rng, 1.0, h));
            SDVariable s = sd.expandDims(sd.expandDims(in.sigma(), 1), 2);                 // [B,1,1]
            pre = pre.add(s.mul(timeW));
        }
        SDVariable act = sd.reshape(sd.math.tanh(pre), -1, h);                              // [B*L,H]
        if (in.training() && dropout > 0) {
            double keep = 1.0 - dropout;
            SDVariable mask = in.feeds().placeholder("drop.mask", DataType.FLOAT, 2, (batch, length, r) -> {
                float[] m = new float[batch * length * h];
                for (int i = 0; i < m.length; i++) {
                    m[i] = r.nextDouble() < keep ? (float) (1.0 / keep) : 0f;
                }
                return Nd4j.create(m, new long[] {(long) batch * length, h}, 'c');
            });
            act = act.mul(mask);
        }
        if (!withHead) {
            return sd.reshape(act, shapeBLH);
        }
        SDVariable outW = sd.var("out.weight", outInit);
        SDVariable outB = sd.var("out.bias", Nd4j.zeros(DataType.FLOAT, v));
        return sd.reshape(act.mmul(outW).add(outB), shapeBLV);
    }

    @Override
    public boolean timeConditioned() {
        return timeConditioned;
    }

    private static INDArray init(SplittableRandom rng, double scale, long... shape) {
        long n = 1;
        for (long s : shape) {
            n *= s;
        }
        float[] w = new float[Math.toIntExact(n)];
        for (int i = 0; i < w.length; i++) {
            w[i] = (float) ((rng.nextDouble() * 2 - 1) * scale);
        }
        return Nd4j.create(w, shape, 'c');
    }
}
