package org.mdlm.backbones.caduceus;

import java.util.function.UnaryOperator;
import org.mdlm.api.model.AttentionPattern;
import org.mdlm.api.model.Backbone;
import org.mdlm.api.model.BackboneInputs;
import org.mdlm.backbones.layers.LayerNorm;
import org.mdlm.backbones.layers.ParamFactory;
import org.mdlm.backbones.layers.RmsNorm;
import org.mdlm.backbones.layers.Shapes;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The Caduceus backbone: token embedding, {@code layers} blocks of (norm, {@link BiMambaMixer},
 * residual), a final norm and the output projection to raw logits [B, L, V]; not time-conditioned.
 *
 * <p><b>Reverse-complement equivariance by parameter sharing.</b> Caduceus's RCPS layers split the
 * channels into two halves, run the second half, position- and channel-flipped, through the same
 * weights, and flip it back. A stack of such layers computes, in its second half, the flipped trunk
 * of the reverse complement RC(x) (complemented ids, reversed order). This class computes exactly
 * that, without flips between layers: the trunk runs on a batch of 2B sequences, the inputs and
 * their reverse complements, with the same weights; {@link RcHead} then adds the two strands'
 * logits with the complement-tied weight, so logits(RC x)[l, v] = logits(x)[L-1-l, comp(v)]. The
 * complement map comes from the {@link org.mdlm.api.domain.Vocabulary} of the inputs.
 *
 * <p>Variables: {@code embedding.weight} [V, D]; per layer {@code layers.<i>.mixer.*} and
 * {@code layers.<i>.norm.weight} [D]; {@code norm_f.weight} [D]; {@code lm_head.weight} [V, D] (logits
 * only). Placeholders: the chunk matrices {@value ChunkMasks#PREFIX} and {@value ChunkMasks#BEFORE},
 * and without reverse complement the embedding rows {@value StrandEmbedding#ROWS}.
 *
 * <p>Refused at build time, with the fix: padded inputs (the scan would carry padding into later
 * positions), causal attention with a bidirectional or reverse-complement model (both read later
 * positions), reverse complement without a complement map in the vocabulary.
 */
public final class Caduceus implements Backbone {

    /** Prefix of named intermediate activations ({@code layer<i>}: each block's output). */
    public static final String ACTIVATION_PREFIX = "caduceus.act.";

    private final CaduceusConfig config;
    private final DataType type;
    private final RcHead.Tying tying;

    /** Creates the backbone; variables are created when {@link #logits} builds it into a graph. */
    public Caduceus(CaduceusConfig config) {
        this(config, DataType.FLOAT, RcHead.Tying.COMPLEMENT);
    }

    /** Creates the backbone with another floating-point type and head tying (tests). */
    Caduceus(CaduceusConfig config, DataType type, RcHead.Tying tying) {
        if (config == null) {
            throw new IllegalArgumentException("config must not be null");
        }
        this.config = config;
        this.type = type;
        this.tying = tying;
    }

    /** The configuration. */
    public CaduceusConfig config() {
        return config;
    }

    /** Always false: MDLM's Caduceus runs are not time-conditioned (sigma is not read). */
    @Override
    public boolean timeConditioned() {
        return false;
    }

    @Override
    public SDVariable logits(SameDiff sd, BackboneInputs in) {
        return build(sd, in, true);
    }

    /**
     * The final norm's output [B, L, {@link #featureWidth()}]: with reverse complement, the input
     * strand's D features then the reverse-complement strand's, re-reversed to the input's positions
     * (Caduceus also flips that half's channels; here they keep their order).
     */
    @Override
    public SDVariable features(SameDiff sd, BackboneInputs in) {
        return build(sd, in, false);
    }

    /** {@code d_model}, or twice it with reverse complement. */
    @Override
    public int featureWidth() {
        return config.featureWidth();
    }

    private SDVariable build(SameDiff sd, BackboneInputs in, boolean withHead) {
        ComplementMap complement = check(in);
        ParamFactory params = new ParamFactory(sd, type, in.initSeed());
        int d = config.dModel();
        int v = in.vocabSize();

        StrandEmbedding embedding = StrandEmbedding.create(params, v, d);
        BiMambaMixer[] mixers = new BiMambaMixer[config.layers()];
        UnaryOperator<SDVariable>[] norms = norms(config.layers());
        for (int i = 0; i < mixers.length; i++) {
            mixers[i] = new BiMambaMixer(params, "layers." + i + ".mixer", config);
            norms[i] = norm(params, "layers." + i + ".norm.weight");
        }
        UnaryOperator<SDVariable> normF = norm(params, "norm_f.weight");
        RcHead head = withHead ? RcHead.create(params, v, d) : null;

        Shapes inputShapes = new Shapes(sd, in.xt(), type);
        Shapes strandShapes = complement == null ? inputShapes
                : new Shapes(sd, sd.concat(0, in.xt(), in.xt()), type);
        int g = config.directions();
        SDVariable ones = sd.reshape(sd.fill(sd.concat(0, sd.constant(Nd4j.createFromArray((long) g)),
                strandShapes.batchLength(), sd.constant(Nd4j.createFromArray(1L))), type, 1.0), g, -1, 1);
        ChunkMasks masks = ChunkMasks.declare(in.feeds(), config.scanChunk(), type);
        SelectiveScan scan = new SelectiveScan(sd, g, config.inner(), config.dState(), config.scanChunk(), masks, type);

        SDVariable h = embedding.apply(in, complement, inputShapes);
        for (int i = 0; i < mixers.length; i++) {
            h = h.add(ACTIVATION_PREFIX + "layer" + i, mixers[i].apply(norms[i].apply(h), strandShapes, ones, scan));
        }
        h = normF.apply(h);
        if (withHead) {
            return head.apply(h, complement, tying, inputShapes);
        }
        if (complement == null) {
            return h;
        }
        SDVariable[] strands = sd.unstack(sd.reshape(h, 2, -1, d), 0, 2);
        SDVariable reverse = sd.reverse(inputShapes.toBatchLength(strands[1], d), 1);
        return sd.concat(2, inputShapes.toBatchLength(strands[0], d), reverse);
    }

    /** Refuses inputs this backbone cannot serve; returns the complement map when it needs one. */
    private ComplementMap check(BackboneInputs in) {
        if (in.vectors() != null) {
            throw new IllegalArgumentException("the caduceus backbone reads tokens (its reverse-complement tying works "
                    + "on token ids), not embedding-space vectors; use model.type=dit with this objective");
        }
        if (in.valid() != null) {
            throw new IllegalArgumentException("the caduceus backbone does not support padded vocabularies: its scan "
                    + "would carry padding into later positions; use a domain without padding or model.type=dit");
        }
        if (in.attention() == AttentionPattern.CAUSAL && (config.bidirectional() || config.rcEquivariant())) {
            throw new IllegalArgumentException("this objective needs a causal backbone, but a bidirectional or "
                    + "reverse-complement caduceus reads later positions; set model.bidirectional=false and "
                    + "model.rc_equivariant=false (a causal Mamba)");
        }
        return config.rcEquivariant() ? ComplementMap.of(in.vocabulary()) : null;
    }

    private UnaryOperator<SDVariable> norm(ParamFactory params, String name) {
        if (config.rmsNorm()) {
            return RmsNorm.create(params, name, config.dModel())::apply;
        }
        return LayerNorm.create(params, name, config.dModel())::apply;
    }

    @SuppressWarnings("unchecked")
    private static UnaryOperator<SDVariable>[] norms(int n) {
        return (UnaryOperator<SDVariable>[]) new UnaryOperator[n];
    }
}
