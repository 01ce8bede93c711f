package org.mdlm.backbones.caduceus;

import org.mdlm.backbones.layers.ParamFactory;
import org.mdlm.backbones.layers.Shapes;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;

/**
 * The output layer {@code lm_head.weight} W [V, D] (no bias, as Caduceus's). With one strand,
 * {@code logits = h Wᵀ}. With two (the trunk's output for x, T(x), and for its reverse complement,
 * T(RC x)), the weight is tied to the complement map as in Caduceus's RCPS head:
 * <pre>
 *   logits(x)[l, v] = W[v] · T(x)[l] + W[comp(v)] · T(RC x)[L-1-l]
 * </pre>
 * so that logits(RC x)[l, v] = logits(x)[L-1-l, comp(v)] (the two terms swap).
 */
final class RcHead {

    /** Weight tying of the reverse-complement half; anything but {@link #COMPLEMENT} breaks equivariance. */
    enum Tying {
        /** The reverse-complement strand reads the complement-permuted weight W[comp(v)] (equivariant). */
        COMPLEMENT,
        /** It reads W[v] unpermuted: a deliberately broken tying, for tests that must see equivariance fail. */
        UNPERMUTED
    }

    private final SDVariable weight;
    private final int vocab;
    private final int width;

    private RcHead(SDVariable weight, int vocab, int width) {
        this.weight = weight;
        this.vocab = vocab;
        this.width = width;
    }

    /** Creates {@code lm_head.weight} [vocab, width], uniform in ±1/sqrt(width). */
    static RcHead create(ParamFactory params, int vocab, int width) {
        return new RcHead(params.uniform("lm_head.weight", 1.0 / Math.sqrt(width), vocab, width), vocab, width);
    }

    /**
     * Logits [B, L, V].
     *
     * @param h the trunk's output [S·B, L, D]: the input strands, then (with a complement map) their
     *          reverse complements
     * @param complement the complement map, or null for one strand
     * @param tying how the second strand's weight is tied
     * @param shapes the shapes of the input ids [B, L]
     */
    SDVariable apply(SDVariable h, ComplementMap complement, Tying tying, Shapes shapes) {
        SameDiff sd = weight.getSameDiff();
        if (complement == null) {
            return shapes.toBatchLength(sd.mmul(sd.reshape(h, -1, width), weight, false, true, false), vocab);
        }
        SDVariable[] strands = sd.unstack(sd.reshape(h, 2, -1, width), 0, 2);           // [B·L, D] each
        SDVariable forward = sd.mmul(strands[0], weight, false, true, false);
        SDVariable tied = tying == Tying.COMPLEMENT
                ? sd.mmul(sd.constant(complement.permutation(weight.dataType())), weight) : weight;
        SDVariable reverse = sd.reverse(shapes.toBatchLength(sd.mmul(strands[1], tied, false, true, false), vocab), 1);
        return shapes.toBatchLength(forward, vocab).add(reverse);
    }
}
