package org.mdlm.backbones.dit;

/**
 * Shape and regularisation of the MDLM diffusion transformer (DiT).
 *
 * @param hidden width of the residual stream H
 * @param heads number of attention heads; {@code hidden / heads} is the head dimension, which must be even
 *              (rotary embedding rotates halves)
 * @param blocks number of transformer blocks
 * @param condDim width C of the conditioning vector produced by the timestep embedder
 * @param mlpRatio MLP width as a multiple of {@code hidden}
 * @param dropout dropout probability on the attention and MLP branches during training, in [0, 1)
 * @param timeConditioning whether the network sees sigma; when false it embeds sigma = 0, as the reference does
 * @param frequencyEmbeddingSize number of sinusoidal features of sigma (cosines then sines); must be even
 */
public record DitConfig(int hidden, int heads, int blocks, int condDim, int mlpRatio, double dropout,
                        boolean timeConditioning, int frequencyEmbeddingSize) {

    /** Validates every field; throws {@link IllegalArgumentException} naming the field and allowed range. */
    public DitConfig {
        positive("hidden", hidden);
        positive("heads", heads);
        positive("blocks", blocks);
        positive("condDim", condDim);
        positive("mlpRatio", mlpRatio);
        positive("frequencyEmbeddingSize", frequencyEmbeddingSize);
        if (hidden % heads != 0) {
            throw new IllegalArgumentException("hidden must be a multiple of heads, got hidden=" + hidden
                    + " and heads=" + heads);
        }
        if ((hidden / heads) % 2 != 0) {
            throw new IllegalArgumentException("head dimension hidden/heads must be even for rotary embedding, got "
                    + hidden + "/" + heads + "=" + hidden / heads);
        }
        if (frequencyEmbeddingSize % 2 != 0) {
            throw new IllegalArgumentException("frequencyEmbeddingSize must be even (cosines and sines), got "
                    + frequencyEmbeddingSize);
        }
        if (!(dropout >= 0.0 && dropout < 1.0)) {
            throw new IllegalArgumentException("dropout must be in [0, 1), got " + dropout);
        }
    }

    /** The defaults: hidden 128, 4 heads, 2 blocks, condDim 128, mlpRatio 4, dropout 0.1, no time conditioning, 256 frequencies. */
    public static DitConfig defaults() {
        return new DitConfig(128, 4, 2, 128, 4, 0.1, false, 256);
    }

    /** Head dimension {@code hidden / heads}. */
    public int headDim() {
        return hidden / heads;
    }

    /** Same config with another {@code timeConditioning}. */
    public DitConfig withTimeConditioning(boolean value) {
        return new DitConfig(hidden, heads, blocks, condDim, mlpRatio, dropout, value, frequencyEmbeddingSize);
    }

    /** Same config with another {@code dropout}. */
    public DitConfig withDropout(double value) {
        return new DitConfig(hidden, heads, blocks, condDim, mlpRatio, value, timeConditioning, frequencyEmbeddingSize);
    }

    private static void positive(String field, int value) {
        if (value <= 0) {
            throw new IllegalArgumentException(field + " must be a positive integer (>= 1), got " + value);
        }
    }
}
