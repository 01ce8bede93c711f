package org.mdlm.engine;

/**
 * Builds a {@link TrainConfig} by name instead of by the position of 18 arguments, starting from
 * another config (by default the reference recipe): {@code TrainConfig.builder().steps(3).lr(1e-3).build()}.
 * {@link #build()} validates through the record's constructor.
 */
public final class TrainConfigBuilder {

    private int steps;
    private int batchSize;
    private int seqLen;
    private double lr;
    private int warmupSteps;
    private double beta1;
    private double beta2;
    private double weightDecay;
    private double gradClip;
    private double emaDecay;
    private double samplingEps;
    private int logEvery;
    private int evalEvery;
    private int evalWindows;
    private int evalTSamples;
    private int checkpointEvery;
    private int keepCheckpoints;
    private long seed;
    private long evalSeed;
    private String embeddingUpdate;
    private int workers;

    TrainConfigBuilder(TrainConfig c) {
        steps = c.steps();
        batchSize = c.batchSize();
        seqLen = c.seqLen();
        lr = c.lr();
        warmupSteps = c.warmupSteps();
        beta1 = c.beta1();
        beta2 = c.beta2();
        weightDecay = c.weightDecay();
        gradClip = c.gradClip();
        emaDecay = c.emaDecay();
        samplingEps = c.samplingEps();
        logEvery = c.logEvery();
        evalEvery = c.evalEvery();
        evalWindows = c.evalWindows();
        evalTSamples = c.evalTSamples();
        checkpointEvery = c.checkpointEvery();
        keepCheckpoints = c.keepCheckpoints();
        seed = c.seed();
        evalSeed = c.evalSeed();
        embeddingUpdate = c.embeddingUpdate();
        workers = c.workers();
    }

    /** Optimizer steps. */
    public TrainConfigBuilder steps(int v) {
        steps = v;
        return this;
    }

    /** Batch size and sequence length. */
    public TrainConfigBuilder batch(int batch, int length) {
        batchSize = batch;
        seqLen = length;
        return this;
    }

    /** Peak learning rate and linear warm-up steps (0 = constant). */
    public TrainConfigBuilder lr(double peak, int warmup) {
        lr = peak;
        warmupSteps = warmup;
        return this;
    }

    /** AdamW betas and decoupled weight decay. */
    public TrainConfigBuilder adamW(double b1, double b2, double decay) {
        beta1 = b1;
        beta2 = b2;
        weightDecay = decay;
        return this;
    }

    /** Global gradient-norm clip (0 = off). */
    public TrainConfigBuilder gradClip(double v) {
        gradClip = v;
        return this;
    }

    /** EMA decay cap. */
    public TrainConfigBuilder emaDecay(double v) {
        emaDecay = v;
        return this;
    }

    /** Smallest diffusion time. */
    public TrainConfigBuilder samplingEps(double v) {
        samplingEps = v;
        return this;
    }

    /** Log, evaluation and checkpoint periods (0 = only at the end for the last two). */
    public TrainConfigBuilder every(int log, int eval, int checkpoint) {
        logEvery = log;
        evalEvery = eval;
        checkpointEvery = checkpoint;
        return this;
    }

    /** Periodic evaluation: evenly spaced windows and times per window. */
    public TrainConfigBuilder evaluation(int windows, int tSamples) {
        evalWindows = windows;
        evalTSamples = tSamples;
        return this;
    }

    /** Newest periodic checkpoints to keep (0 = all). */
    public TrainConfigBuilder keepCheckpoints(int v) {
        keepCheckpoints = v;
        return this;
    }

    /** Seed of every random number of the run. */
    public TrainConfigBuilder seed(long v) {
        seed = v;
        return this;
    }

    /** Seed of the periodic evaluation's draws. */
    public TrainConfigBuilder evalSeed(long v) {
        evalSeed = v;
        return this;
    }

    /** Sets {@link TrainConfig#embeddingUpdate()} ({@code "dense"} or {@code "lazy"}). */
    public TrainConfigBuilder embeddingUpdate(String v) {
        embeddingUpdate = v;
        return this;
    }

    /** Sets {@link TrainConfig#workers()}. */
    public TrainConfigBuilder workers(int v) {
        workers = v;
        return this;
    }

    /**
     * The config.
     *
     * @throws IllegalArgumentException naming the first invalid field
     */
    public TrainConfig build() {
        return new TrainConfig(steps, batchSize, seqLen, lr, warmupSteps, beta1, beta2, weightDecay, gradClip,
                emaDecay, samplingEps, logEvery, evalEvery, evalWindows, evalTSamples, checkpointEvery,
                keepCheckpoints, seed, evalSeed, embeddingUpdate, workers);
    }
}
