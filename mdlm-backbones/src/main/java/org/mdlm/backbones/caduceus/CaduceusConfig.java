package org.mdlm.backbones.caduceus;

/**
 * Shape of the Caduceus backbone: bidirectional Mamba (selective state-space) blocks, made
 * reverse-complement equivariant by parameter sharing (Schiff et al. 2024). Config keys are the
 * snake_case forms of the components ({@code d_model}, {@code d_state}, ...).
 *
 * @param dModel width D of one strand's residual stream; with {@code rcEquivariant} the trunk
 *               carries two strands, so its features are 2D wide
 * @param layers number of blocks (norm, bidirectional Mamba mixer, residual)
 * @param dState size N of the state per channel (Mamba's d_state)
 * @param expand inner width E of the mixer as a multiple of {@code dModel}
 * @param convKernel length of the causal depthwise convolution in front of the scan
 * @param dtRank rank R of the time-step projection; 0 means ceil(dModel / 16), Mamba's "auto"
 * @param dtMin smallest initial time step (the initial steps are log-uniform in [dtMin, dtMax])
 * @param dtMax largest initial time step
 * @param rmsNorm RMSNorm (true, Caduceus's choice) or LayerNorm with a gain (false) before each mixer
 *                and at the end
 * @param rcEquivariant run the reverse complement of the input through the same weights as a second
 *                      strand and tie the output layer to it, so that logits(RC(x)) is the reversed,
 *                      complement-permuted logits(x); needs a vocabulary with a complement map
 * @param bidirectional add a second scan over the reversed sequence (its own convolution, projections
 *                      of the time step and state matrices; in and out projections shared)
 * @param timeConditioning must be false: MDLM's Caduceus runs are not time-conditioned
 * @param scanChunk length K of the chunks of the chunked scan; every sequence length must be a
 *                  multiple of it
 */
public record CaduceusConfig(int dModel, int layers, int dState, int expand, int convKernel, int dtRank,
                             double dtMin, double dtMax, boolean rmsNorm, boolean rcEquivariant,
                             boolean bidirectional, boolean timeConditioning, int scanChunk) {

    /** Validates every field; throws {@link IllegalArgumentException} naming the field and the fix. */
    public CaduceusConfig {
        positive("d_model", dModel);
        positive("layers", layers);
        positive("d_state", dState);
        positive("expand", expand);
        positive("conv_kernel", convKernel);
        positive("scan_chunk", scanChunk);
        if (dtRank < 0) {
            throw new IllegalArgumentException("dt_rank must be >= 0 (0 = ceil(d_model / 16)), got " + dtRank);
        }
        if (!(dtMin > 0 && dtMin <= dtMax && Double.isFinite(dtMax))) {
            throw new IllegalArgumentException("dt_min and dt_max must satisfy 0 < dt_min <= dt_max (finite), got dt_min="
                    + dtMin + ", dt_max=" + dtMax + "; Mamba uses 0.001 and 0.1");
        }
        if (timeConditioning) {
            throw new IllegalArgumentException("time_conditioning: the caduceus backbone is not time-conditioned "
                    + "(MDLM's Caduceus runs are not); set model.time_conditioning=false, or use model.type=dit "
                    + "for a time-conditioned network");
        }
    }

    /**
     * The defaults, the size of MDLM's and Caduceus's small DNA runs: d_model 128, 4 layers, d_state 16,
     * expand 2, kernel 4, dt rank auto (8), steps in [0.001, 0.1], RMSNorm, RC-equivariant, bidirectional,
     * not time-conditioned, chunks of 64 (16 chunks at L = 1024; about 0.54 M parameters with a 6-id
     * vocabulary).
     */
    public static CaduceusConfig defaults() {
        return new CaduceusConfig(128, 4, 16, 2, 4, 0, 0.001, 0.1, true, true, true, false, 64);
    }

    /** The mixer's inner width E = expand * d_model. */
    public int inner() {
        return expand * dModel;
    }

    /** The time-step rank R: {@code dtRank}, or ceil(dModel / 16) when it is 0. */
    public int resolvedDtRank() {
        return dtRank > 0 ? dtRank : (dModel + 15) / 16;
    }

    /** Sequences the trunk runs per input sequence: 2 (the input and its reverse complement) or 1. */
    public int strands() {
        return rcEquivariant ? 2 : 1;
    }

    /** Scan directions per mixer: 2 (forward and reversed) or 1. */
    public int directions() {
        return bidirectional ? 2 : 1;
    }

    /** Width of the trunk's output per position: {@code strands() * dModel}. */
    public int featureWidth() {
        return strands() * dModel;
    }

    /** Same config with other strand and direction switches. */
    public CaduceusConfig withSymmetry(boolean rc, boolean bidi) {
        return new CaduceusConfig(dModel, layers, dState, expand, convKernel, dtRank, dtMin, dtMax, rmsNorm, rc, bidi,
                timeConditioning, scanChunk);
    }

    private static void positive(String field, int value) {
        if (value <= 0) {
            throw new IllegalArgumentException(field + " must be a positive integer (>= 1), got " + value);
        }
    }
}
