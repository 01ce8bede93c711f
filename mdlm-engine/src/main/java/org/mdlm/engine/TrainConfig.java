package org.mdlm.engine;

/**
 * Hyper-parameters of a training run (the reference MDLM recipe by default).
 *
 * <p>Step counting: a run performs optimizer steps {@code 0 .. steps-1}; "step n" in metrics,
 * evaluations and checkpoints means "after n completed optimizer steps".
 *
 * @param steps total number of optimizer steps, at least 1
 * @param batchSize sequences per step, at least 1
 * @param seqLen tokens per sequence (crop length and evaluation window), at least 2
 * @param lr peak learning rate, in (0, 1]
 * @param warmupSteps linear warm-up length; the learning rate of optimizer step n is
 *                    {@code lr * min(1, (n+1)/warmupSteps)}, 0 = no warm-up
 * @param beta1 AdamW first-moment decay, in [0, 1)
 * @param beta2 AdamW second-moment decay, in [0, 1)
 * @param weightDecay decoupled weight decay (AdamW), at least 0
 * @param gradClip maximum global gradient L2 norm, 0 = no clipping
 * @param emaDecay EMA decay cap, in [0, 1); the decay used at update k (1-based) is
 *                 {@code min(emaDecay, (1+k)/(10+k))}
 * @param samplingEps smallest diffusion time t, in (0, 1)
 * @param logEvery report {@link StepMetrics} every this many steps (and at the last step), at least 1
 * @param evalEvery validation every this many steps, 0 = only at the end
 * @param evalWindows number of evenly spaced validation windows, at least 1
 * @param evalTSamples antithetic times (independent masks) per validation window, at least 1
 * @param checkpointEvery checkpoint every this many steps, 0 = only at the end
 * @param keepCheckpoints how many of the newest periodic checkpoints to keep, 0 = keep all
 * @param seed seed of every random number of training (initialisation, crops, times, masks, feeds)
 * @param evalSeed seed of the periodic evaluation's times and masks; kept apart from {@code seed} so
 *                 that runs of different seeds are evaluated on the same draws (as the reference
 *                 recipe does), and their figures differ by what they learned only
 * @param embeddingUpdate how AdamW updates row-lookup tables (the token embedding): {@code "dense"}
 *                 (every row at every step, as PyTorch's AdamW) or {@code "lazy"} (only the rows the
 *                 step looked up: their moments, decay and update; other rows and their moments stay
 *                 as they are, as TensorFlow's LazyAdam), see {@link #LAZY}
 * @param workers gradient workers of a data-parallel step in this process, at least 1: the batch is
 *                cut into this many shards computed on as many threads, each with its own graph, and
 *                their gradients are combined in a fixed order (reproducible at a given count; equal
 *                to one worker's up to float rounding)
 */
public record TrainConfig(int steps, int batchSize, int seqLen, double lr, int warmupSteps, double beta1,
                          double beta2, double weightDecay, double gradClip, double emaDecay, double samplingEps,
                          int logEvery, int evalEvery, int evalWindows, int evalTSamples, int checkpointEvery,
                          int keepCheckpoints, long seed, long evalSeed, String embeddingUpdate, int workers) {

    /** {@link #embeddingUpdate()}: every row of every table at every step. */
    public static final String DENSE = "dense";
    /** {@link #embeddingUpdate()}: only the rows a step looked up. */
    public static final String LAZY = "lazy";

    /**
     * Validates every field.
     *
     * @throws IllegalArgumentException naming the field, its value and the allowed range
     */
    public TrainConfig {
        atLeast("steps", steps, 1);
        atLeast("batchSize", batchSize, 1);
        atLeast("seqLen", seqLen, 2);
        if (!(lr > 0.0 && lr <= 1.0)) {
            throw bad("lr", lr, "(0, 1]");
        }
        atLeast("warmupSteps", warmupSteps, 0);
        unitInterval("beta1", beta1);
        unitInterval("beta2", beta2);
        if (!(weightDecay >= 0.0 && Double.isFinite(weightDecay))) {
            throw bad("weightDecay", weightDecay, "[0, inf)");
        }
        if (!(gradClip >= 0.0 && Double.isFinite(gradClip))) {
            throw bad("gradClip", gradClip, "[0, inf), 0 = no clipping");
        }
        unitInterval("emaDecay", emaDecay);
        if (!(samplingEps > 0.0 && samplingEps < 1.0)) {
            throw bad("samplingEps", samplingEps, "(0, 1)");
        }
        atLeast("logEvery", logEvery, 1);
        atLeast("evalEvery", evalEvery, 0);
        atLeast("evalWindows", evalWindows, 1);
        atLeast("evalTSamples", evalTSamples, 1);
        atLeast("checkpointEvery", checkpointEvery, 0);
        atLeast("keepCheckpoints", keepCheckpoints, 0);
        atLeast("workers", workers, 1);
        if (embeddingUpdate == null) {
            embeddingUpdate = DENSE;
        }
        if (!embeddingUpdate.equals(DENSE) && !embeddingUpdate.equals(LAZY)) {
            throw new IllegalArgumentException("embeddingUpdate must be \"" + DENSE + "\" or \"" + LAZY
                    + "\", got \"" + embeddingUpdate + "\"");
        }
    }

    /** True when row-lookup tables get the lazy (row-sparse) AdamW update. */
    public boolean lazyEmbeddings() {
        return LAZY.equals(embeddingUpdate);
    }

    /**
     * The reference recipe: 1500 steps, batch 16, length 128, lr 3e-4 with 200 warm-up steps,
     * betas (0.9, 0.999), no weight decay, clip 1.0, EMA 0.9999, eps 1e-3, log every 10, evaluate
     * every 250 steps on 64 windows x 16 times, checkpoint every 500 keeping 3, seed 0, evaluation seed 0,
     * dense embedding updates, one gradient worker.
     */
    public static TrainConfig defaults() {
        return new TrainConfig(1500, 16, 128, 3e-4, 200, 0.9, 0.999, 0.0, 1.0, 0.9999, 1e-3, 10, 250, 64, 16, 500,
                3, 0L, 0L, DENSE, 1);
    }

    /** Tokens consumed by one optimizer step: {@code batchSize * seqLen}. */
    public long tokensPerStep() {
        return (long) batchSize * seqLen;
    }

    /** A copy with another number of steps. */
    public TrainConfig withSteps(int newSteps) {
        return toBuilder().steps(newSteps).build();
    }

    /** A builder starting from the reference recipe ({@link #defaults()}). */
    public static TrainConfigBuilder builder() {
        return new TrainConfigBuilder(defaults());
    }

    /** A builder starting from this config. */
    public TrainConfigBuilder toBuilder() {
        return new TrainConfigBuilder(this);
    }

    private static void atLeast(String field, long value, long min) {
        if (value < min) {
            throw new IllegalArgumentException(field + " must be >= " + min + ", got " + value);
        }
    }

    private static void unitInterval(String field, double value) {
        if (!(value >= 0.0 && value < 1.0)) {
            throw bad(field, value, "[0, 1)");
        }
    }

    private static IllegalArgumentException bad(String field, double value, String range) {
        return new IllegalArgumentException(field + " must be in " + range + ", got " + value);
    }
}
