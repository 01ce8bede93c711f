package org.mdlm.backbones.dit;

import org.mdlm.api.kernels.FusedOps;
import org.mdlm.api.model.GraphFeeds;
import org.mdlm.backbones.layers.Activations;
import org.mdlm.backbones.layers.AdaLn;
import org.mdlm.backbones.layers.Dropout;
import org.mdlm.backbones.layers.LayerNorm;
import org.mdlm.backbones.layers.Linear;
import org.mdlm.backbones.layers.ParamFactory;
import org.mdlm.backbones.layers.RotaryAttention;
import org.mdlm.backbones.layers.Shapes;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.linalg.api.buffer.DataType;

/**
 * One DiT block: adaLN-modulated rotary self-attention and GELU MLP, each added to the residual
 * stream through a gate ({@code x + gate * dropout(branch)}).
 */
final class DitBlock {

    private final String prefix;
    private final DitConfig config;
    private final LayerNorm norm1;
    private final Linear attnQkv;
    private final Linear attnOut;
    private final LayerNorm norm2;
    private final Linear mlpIn;
    private final Linear mlpOut;
    private final AdaLn adaLn;
    private final RotaryAttention attention;

    /** Creates the variables {@code blocks.<index>.*} in reference order. */
    DitBlock(ParamFactory params, DitConfig config, int index) {
        this.prefix = "blocks." + index;
        this.config = config;
        int h = config.hidden();
        int mlp = config.mlpRatio() * h;
        norm1 = LayerNorm.create(params, prefix + ".norm1.weight", h);
        attnQkv = Linear.create(params, prefix + ".attn_qkv", h, 3 * h, false, Linear.Init.DEFAULT);
        attnOut = Linear.create(params, prefix + ".attn_out", h, h, false, Linear.Init.DEFAULT);
        norm2 = LayerNorm.create(params, prefix + ".norm2.weight", h);
        mlpIn = Linear.create(params, prefix + ".mlp.0", h, mlp, true, Linear.Init.DEFAULT);
        mlpOut = Linear.create(params, prefix + ".mlp.2", mlp, h, true, Linear.Init.DEFAULT);
        adaLn = AdaLn.create(params, prefix + ".adaLN_modulation", config.condDim(), h, 6);
        attention = new RotaryAttention(params.sd(), config.heads(), config.headDim());
    }

    /**
     * Applies the block.
     *
     * @param x residual stream [B, L, H]
     * @param c conditioning [B, condDim] (after the SiLU)
     * @param rotary cos and sin tables [B, heads, L, D/2]
     * @param attentionBias added to the attention scores (causal mask, padded keys), or null
     * @param feeds where dropout masks are declared, or null when dropout is off
     * @param type floating-point type of the dropout masks
     * @param outputName name of the block's output variable
     */
    SDVariable apply(SDVariable x, SDVariable c, SDVariable[] rotary, SDVariable attentionBias, Shapes shapes,
                     GraphFeeds feeds, DataType type, String outputName) {
        SDVariable[] m = adaLn.chunks(c);
        SDVariable shiftMsa = m[0];
        SDVariable scaleMsa = m[1];
        SDVariable gateMsa = m[2];
        SDVariable shiftMlp = m[3];
        SDVariable scaleMlp = m[4];
        SDVariable gateMlp = m[5];

        SDVariable h = norm1.applyModulated(x, shiftMsa, scaleMsa, shapes);
        SDVariable attn = attention.apply(attnQkv.apply3d(h, shapes), rotary[0], rotary[1], shapes, attentionBias);
        SDVariable branch = dropout(attnOut.apply3d(attn, shapes), feeds, "attn", type);
        x = gated(x, gateMsa, branch, shapes, null);

        h = norm2.applyModulated(x, shiftMlp, scaleMlp, shapes);
        SDVariable mlp = mlpOut.apply3d(Activations.geluTanh(mlpIn.apply3d(h, shapes)), shapes);
        mlp = dropout(mlp, feeds, "mlp", type);
        return gated(x, gateMlp, mlp, shapes, outputName);
    }

    /**
     * {@code x + gate * branch} with the gate [B, 1, H] per sequence: the fused kernel for float32
     * graphs with kernels on, else the gate repeated over positions (see {@link Shapes#overPositions}).
     *
     * @param name the result's variable name, or null for a generated one
     */
    private static SDVariable gated(SDVariable x, SDVariable gate, SDVariable branch, Shapes shapes, String name) {
        if (FusedOps.enabled(x.dataType())) {
            SDVariable y = FusedOps.gatedResidual(x, gate, branch);
            return name == null ? y : y.rename(name);
        }
        SDVariable update = shapes.overPositions(gate).mul(branch);
        return name == null ? x.add(update) : x.add(name, update);
    }

    private SDVariable dropout(SDVariable branch, GraphFeeds feeds, String site,
                               DataType type) {
        if (feeds == null) {
            return branch;
        }
        SDVariable mask = feeds.placeholder(Dit.DROPOUT_PREFIX + prefix + "." + site, type, 3,
                Dropout.mask(config.dropout(), config.hidden(), type));
        return branch.mul(mask);
    }
}
