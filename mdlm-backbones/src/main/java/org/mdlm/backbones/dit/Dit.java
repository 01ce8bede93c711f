package org.mdlm.backbones.dit;

import org.mdlm.api.kernels.FusedOps;
import org.mdlm.api.model.AttentionPattern;
import org.mdlm.api.model.Backbone;
import org.mdlm.api.model.BackboneInputs;
import org.mdlm.api.model.GraphFeeds;
import org.mdlm.backbones.layers.Activations;
import org.mdlm.backbones.layers.AdaLn;
import org.mdlm.backbones.layers.AttentionBias;
import org.mdlm.backbones.layers.LayerNorm;
import org.mdlm.backbones.layers.Linear;
import org.mdlm.backbones.layers.ParamFactory;
import org.mdlm.backbones.layers.Rotary;
import org.mdlm.backbones.layers.Shapes;
import org.mdlm.backbones.layers.TimestepEmbedding;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;

/**
 * MDLM's diffusion transformer: token embedding, sigma embedding with adaLN conditioning, blocks of
 * rotary self-attention and MLP, and an adaLN-modulated output projection to raw logits [B, L, V].
 *
 * <p>Trainable variables carry exactly the reference parameter names and layouts
 * ({@code vocab_embed.embedding} [V, H], {@code blocks.0.attn_qkv.weight} [3H, H], ...), so weights
 * load by name. The rotary tables are placeholders {@code rotary_cos}/{@code rotary_sin}: [L, D/2]
 * when the graph gets the Java kernels ({@link FusedOps#enabled}), else [B, heads, L, D/2] (faster for
 * the composed ops),
 * and in training graphs with dropout each block adds two mask placeholders
 * {@code dropout.blocks.<b>.attn} and {@code dropout.blocks.<b>.mlp} [B, L, H], all declared through
 * {@link GraphFeeds}.
 */
public final class Dit implements Backbone {

    /** Name of the cosine table placeholder. */
    public static final String ROTARY_COS = "rotary_cos";
    /** Name of the sine table placeholder. */
    public static final String ROTARY_SIN = "rotary_sin";
    /** Prefix of the dropout mask placeholders. */
    public static final String DROPOUT_PREFIX = "dropout.";
    /** Name of the causal attention bias placeholder [B, heads, L, L] (causal graphs only). */
    public static final String CAUSAL_BIAS = "attn_bias.causal";
    /** Name of the placeholder holding the embedding rows of x_t ([B, L, hidden], a row lookup feed). */
    public static final String EMBEDDED_ROWS = "vocab_embed.rows";

    /** Prefix of named intermediate activations ({@code embed}, {@code c}, {@code block<b>}). */
    public static final String ACTIVATION_PREFIX = "dit.act.";

    private final DitConfig config;
    private final DataType type;

    /** Creates the backbone; variables are created when {@link #logits} builds it into a graph. */
    public Dit(DitConfig config) {
        this(config, DataType.FLOAT);
    }

    /** Creates the backbone with variables and activations of another floating-point type (tests). */
    Dit(DitConfig config, DataType type) {
        if (config == null) {
            throw new IllegalArgumentException("config must not be null");
        }
        this.config = config;
        this.type = type;
    }

    /** The configuration. */
    public DitConfig config() {
        return config;
    }

    @Override
    public boolean timeConditioned() {
        return config.timeConditioning();
    }

    /** {@inheritDoc} Input vectors are projected to the hidden width ({@code vector_embed.weight}). */
    @Override
    public boolean readsVectors() {
        return true;
    }

    @Override
    public SDVariable logits(SameDiff sd, BackboneInputs in) {
        return build(sd, in, true);
    }

    /** The last block's output [B, L, hidden], before the final adaLN norm and the output projection. */
    @Override
    public SDVariable features(SameDiff sd, BackboneInputs in) {
        return build(sd, in, false);
    }

    /** The hidden width. */
    @Override
    public int featureWidth() {
        return config.hidden();
    }

    private SDVariable build(SameDiff sd, BackboneInputs in, boolean withHead) {
        ParamFactory params = new ParamFactory(sd, type, in.initSeed());
        int h = config.hidden();
        int v = in.vocabSize();
        Shapes shapes = new Shapes(sd, in.xt(), type);

        // Variables in the reference's named_parameters() order.
        // Token ids are embedded by a table; input vectors (an objective in embedding space) by a
        // projection without bias, the table then not existing (it would get no gradient).
        SDVariable embedding = in.vectors() == null ? params.uniform("vocab_embed.embedding", 1.0 / Math.sqrt(h), v, h)
                : null;
        Linear vectorEmbed = in.vectors() == null ? null
                : Linear.create(params, "vector_embed", in.vectors().width(), h, false, Linear.Init.DEFAULT);
        TimestepEmbedding sigmaMap = TimestepEmbedding.create(params, "sigma_map",
                config.frequencyEmbeddingSize(), config.condDim());
        DitBlock[] blocks = new DitBlock[config.blocks()];
        for (int b = 0; b < blocks.length; b++) {
            blocks[b] = new DitBlock(params, config, b);
        }
        LayerNorm normFinal = withHead ? LayerNorm.create(params, "output_layer.norm_final.weight", h) : null;
        Linear output = withHead ? Linear.create(params, "output_layer.linear", h, v, true, Linear.Init.ZERO) : null;
        AdaLn finalAdaLn = withHead
                ? AdaLn.create(params, "output_layer.adaLN_modulation", config.condDim(), h, 2) : null;

        // Token embedding: the engine feeds the table's rows for x_t and folds their gradient back
        // into the table (SameDiff M2.1's gather gradient is broken; a one-hot product costs O(V)).
        SDVariable x = sd.identity(ACTIVATION_PREFIX + "embed", embedding != null
                ? in.feeds().rows(EMBEDDED_ROWS, embedding, in.xt())
                : vectorEmbed.apply3d(asType(in.vectors().values()), shapes));

        SDVariable sigma = config.timeConditioning() ? asType(in.sigma()) : sd.fill(shapes.batch(), type, 0.0);
        SDVariable c = sd.identity(ACTIVATION_PREFIX + "c", Activations.silu(sigmaMap.apply(sigma)));

        GraphFeeds feeds = in.feeds();
        SDVariable[] rotary = FusedOps.enabled(type)
                ? new SDVariable[] { // the fused head split reads the small shared table
                    feeds.placeholder(ROTARY_COS, type, 2, Rotary.cosTable(config.headDim(), type)),
                    feeds.placeholder(ROTARY_SIN, type, 2, Rotary.sinTable(config.headDim(), type))}
                : new SDVariable[] {
                    feeds.placeholder(ROTARY_COS, type, 4, Rotary.cosTable(config.heads(), config.headDim(), type)),
                    feeds.placeholder(ROTARY_SIN, type, 4, Rotary.sinTable(config.heads(), config.headDim(), type))};
        SDVariable bias = attentionBias(sd, in, feeds);
        GraphFeeds dropoutFeeds = in.training() && config.dropout() > 0 ? feeds : null;
        for (int b = 0; b < blocks.length; b++) {
            x = blocks[b].apply(x, c, rotary, bias, shapes, dropoutFeeds, type, ACTIVATION_PREFIX + "block" + b);
        }

        if (!withHead) {
            return x;
        }
        SDVariable[] m = finalAdaLn.chunks(c);
        return output.apply3d(normFinal.applyModulated(x, m[0], m[1], shapes), shapes);
    }

    /**
     * The additive attention bias the inputs ask for: the causal mask (a full-size feed), the padded
     * keys (from the validity mask), both, or null for plain bidirectional attention.
     */
    private SDVariable attentionBias(SameDiff sd, BackboneInputs in, GraphFeeds feeds) {
        SDVariable bias = null;
        if (in.attention() == AttentionPattern.CAUSAL) {
            bias = feeds.placeholder(CAUSAL_BIAS, type, 4, AttentionBias.causal(config.heads(), type));
        }
        if (in.valid() != null) {
            SDVariable keys = AttentionBias.keyPadding(sd, in.valid(), type);
            bias = bias == null ? keys : bias.add(keys);
        }
        return bias;
    }

    private SDVariable asType(SDVariable sigma) {
        return sigma.dataType() == type ? sigma : sigma.castTo(type);
    }
}
