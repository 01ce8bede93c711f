package org.mdlm.engine;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import org.mdlm.api.domain.TokenStream;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Trains a {@link ModelSpec} with the MDLM recipe: random crops, antithetic times, absorbing
 * masks, the parameterization's weighted loss, global-norm clipping, AdamW with linear warm-up,
 * EMA weights, periodic validation (EMA weights) and atomic checkpoints. A run is reproducible from
 * its seed, and {@link #resume} continues bit-for-bit where a checkpoint left off.
 */
public final class Trainer {

    private final ModelSpec spec;
    private final TrainConfig config;
    private final TokenStream train;
    private final TokenStream valid;
    private final Path checkpointDir;
    private final TrainingListener listener;
    private volatile boolean stopRequested;
    private Map<String, String> attachments = Map.of();
    private GradientWorkers workers = GradientWorkers.threads();

    /**
     * Prepares a run; nothing is built until {@link #train()} or {@link #resume(Path)}.
     *
     * @param listener progress receiver; null for none
     * @throws IllegalArgumentException if a stream is shorter than {@code config.seqLen()}
     */
    public Trainer(ModelSpec spec, TrainConfig config, TokenStream train, TokenStream valid, Path checkpointDir,
                   TrainingListener listener) {
        this.spec = Objects.requireNonNull(spec, "spec");
        this.config = Objects.requireNonNull(config, "config");
        this.train = Objects.requireNonNull(train, "train");
        this.valid = Objects.requireNonNull(valid, "valid");
        this.checkpointDir = Objects.requireNonNull(checkpointDir, "checkpointDir");
        this.listener = listener == null ? TrainingListener.NONE : listener;
        requireLength("training", train.length(), config.seqLen());
        requireLength("validation", valid.length(), config.seqLen());
    }

    /**
     * Text documents to store in every checkpoint (e.g. the resolved {@code config.json} and
     * {@code provenance.json}), so that a checkpoint file alone rebuilds its model.
     *
     * @return this trainer
     */
    public Trainer withAttachments(Map<String, String> documents) {
        this.attachments = Map.copyOf(documents);
        return this;
    }

    /**
     * What computes each step's gradients; by default {@link GradientWorkers#threads()} (the
     * {@code workers} of the config on threads of this process). The worker it creates is closed when
     * the run ends.
     *
     * @return this trainer
     */
    public Trainer withGradientWorkers(GradientWorkers gradientWorkers) {
        this.workers = Objects.requireNonNull(gradientWorkers, "gradientWorkers");
        return this;
    }

    /**
     * Starts a new run (step 0, fresh optimizer state) from {@code weights} instead of fresh ones: a
     * fine-tune. Weights load by name where name and shape match the model; the other parameters keep
     * their fresh initialisation, and each difference (missing, unexpected, differently shaped) is
     * passed to {@code differences} before training starts.
     */
    public TrainResult trainFrom(Map<String, INDArray> weights, Consumer<String> differences) {
        TrainingState state = new TrainingState(spec, config, workers);
        state.initialize(weights, true).forEach(differences);
        return run(state, null);
    }

    /** Trains from step 0 with freshly initialised weights. */
    public TrainResult train() {
        return run(new TrainingState(spec, config, workers), null);
    }

    /**
     * Continues a run from {@code checkpoint} up to {@code config.steps()}, drawing exactly the
     * batches, times and masks the uninterrupted run would have drawn.
     *
     * @throws CheckpointException if the file is unreadable or belongs to another model (description,
     *                             vocabulary, parameter shapes) or another data layout (batchSize,
     *                             seqLen, seed), naming what differs
     */
    public TrainResult resume(Path checkpoint) {
        return resume(Checkpoint.load(checkpoint));
    }

    /**
     * Continues a run from an already loaded checkpoint (see {@link #resume(Path)}).
     *
     * @throws CheckpointException if it belongs to another model or data layout
     */
    public TrainResult resume(Checkpoint c) {
        Path checkpoint = c.file();
        TrainingState state = new TrainingState(spec, config, workers);
        List<String> diffs = incompatibilities(c, state.graph());
        if (!diffs.isEmpty() || c.step() > config.steps()) {
            state.closeWorkers();
        }
        if (!diffs.isEmpty()) {
            throw new CheckpointException("cannot resume from " + checkpoint + ": " + String.join("; ", diffs)
                    + ". Resume with the model and data settings the checkpoint was trained with, or start a new run");
        }
        if (c.step() > config.steps()) {
            throw new CheckpointException("cannot resume from " + checkpoint + ": it is at step " + c.step()
                    + ", beyond steps=" + config.steps() + "; raise steps to continue training");
        }
        state.restore(c);
        CheckpointFiles.removeInterruptedWrites(checkpointDir);
        return run(state, c.file());
    }

    /** Asks the loop to stop after the current step; it then writes a checkpoint and returns. Thread-safe. */
    public void requestStop() {
        stopRequested = true;
    }

    private TrainResult run(TrainingState state, Path resumedFrom) {
        try {
            return loop(state, resumedFrom);
        } finally {
            state.closeWorkers();
        }
    }

    private TrainResult loop(TrainingState state, Path resumedFrom) {
        ModelGraph evalGraph = null;
        Path last = resumedFrom;
        int lastCheckpointStep = resumedFrom == null ? -1 : state.completedSteps();
        int lastEvalStep = -1;
        long stepNanos = 0;
        int stepsInWindow = 0;
        while (state.completedSteps() < config.steps()) {
            long t0 = System.nanoTime();
            StepOutcome o = state.advance(train);
            stepNanos += System.nanoTime() - t0;
            stepsInWindow++;
            int s = o.step();
            boolean end = s == config.steps();
            if (s % config.logEvery() == 0 || end || stopRequested) {
                double ms = stepNanos / 1e6 / stepsInWindow;
                listener.onStep(new StepMetrics(s, o.loss(), o.lr(), o.gradNorm(), ms,
                        config.tokensPerStep() * 1000.0 / ms));
                stepNanos = 0;
                stepsInWindow = 0;
            }
            if (stopRequested) {
                return new TrainResult(s, state.trainTokens(), state.lastValNats(), checkpoint(state));
            }
            if (!end && config.evalEvery() > 0 && s % config.evalEvery() == 0) {
                evalGraph = evaluate(state, evalGraph);
                lastEvalStep = s;
            }
            if (!end && config.checkpointEvery() > 0 && s % config.checkpointEvery() == 0) {
                last = checkpoint(state);
                lastCheckpointStep = s;
            }
        }
        if (lastEvalStep != state.completedSteps()) {
            evaluate(state, evalGraph);
        }
        if (lastCheckpointStep != state.completedSteps()) {
            last = checkpoint(state);
        }
        return new TrainResult(state.completedSteps(), state.trainTokens(), state.lastValNats(), last);
    }

    private ModelGraph evaluate(TrainingState state, ModelGraph evalGraph) {
        ModelGraph g = evalGraph != null ? evalGraph : ModelGraph.build(spec, false, true, config.seed());
        g.setParams(state.emaWeights());
        int step = state.completedSteps();
        EvalResult r = Evaluator.evaluate(g, valid, EvalRequest.of(config),
                (done, total) -> listener.onEvalProgress(step, done, total));
        state.setLastValNats(r.natsPerToken());
        listener.onEval(new EvalMetrics(step, r, true));
        return g;
    }

    private Path checkpoint(TrainingState state) {
        Path file = CheckpointFiles.fileFor(checkpointDir, state.completedSteps());
        state.snapshot(file, attachments).saveTo(file);
        CheckpointFiles.prune(checkpointDir, config.keepCheckpoints(), state.completedSteps());
        listener.onCheckpoint(state.completedSteps(), file);
        return file;
    }

    private List<String> incompatibilities(Checkpoint c, ModelGraph graph) {
        List<String> diffs = new ArrayList<>();
        if (!c.description().equals(spec.description())) {
            diffs.add("the checkpoint's model is '" + c.description() + "' but this run's is '" + spec.description() + "'");
        }
        if (c.vocabSize() != spec.vocabSize()) {
            diffs.add("vocabSize is " + c.vocabSize() + " in the checkpoint but " + spec.vocabSize() + " here");
        }
        if (c.maskId() != spec.maskId()) {
            diffs.add("maskId is " + c.maskId() + " in the checkpoint but " + spec.maskId() + " here");
        }
        diffs.addAll(graph.differences(c.params()));
        TrainConfig old = c.config();
        if (old.batchSize() != config.batchSize()) {
            diffs.add("batchSize is " + old.batchSize() + " in the checkpoint but " + config.batchSize() + " here");
        }
        if (old.seqLen() != config.seqLen()) {
            diffs.add("seqLen is " + old.seqLen() + " in the checkpoint but " + config.seqLen() + " here");
        }
        if (old.seed() != config.seed()) {
            diffs.add("seed is " + old.seed() + " in the checkpoint but " + config.seed() + " here");
        }
        return diffs;
    }

    private static void requireLength(String what, long length, int seqLen) {
        if (length < seqLen) {
            throw new IllegalArgumentException("the " + what + " stream has " + length + " tokens, fewer than seqLen "
                    + seqLen + "; use more data or a smaller seqLen");
        }
    }
}
