package org.mdlm.cli.run;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Matmul FLOPs of the DiT backbone (the work a framework must do; elementwise ops are not
 * counted): per token, 2 FLOPs per weight of the qkv, attention output, MLP and output
 * projections, plus 4·L·H per block for the attention scores and the weighted sum. The token
 * embedding is a row lookup (no FLOPs), as in PyTorch. A training step costs three forward passes
 * (forward, input and weight gradients).
 */
public final class ModelFlops {

    private ModelFlops() {
    }

    /**
     * Forward FLOPs of one batch, or NaN when {@code model} is not a DiT config (no {@code hidden}).
     *
     * @param model the model section of the resolved config (snake_case keys)
     */
    public static double forward(JsonNode model, int vocab, int batch, int length) {
        if (model == null || !model.has("hidden") || !model.has("blocks")) {
            return Double.NaN;
        }
        double h = model.get("hidden").asDouble();
        double blocks = model.get("blocks").asDouble();
        double mlp = model.has("mlp_ratio") ? model.get("mlp_ratio").asDouble() : 4;
        double perTokenWeights = vocab * h + blocks * (4 * h * h + 2 * mlp * h * h);
        double perToken = 2 * perTokenWeights + blocks * 4.0 * length * h;
        return perToken * batch * length;
    }
}
