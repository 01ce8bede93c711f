package org.mdlm.samplers.ancestral;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.mdlm.api.model.Denoiser;
import org.mdlm.api.model.DenoiserOutput;
import org.mdlm.api.model.DenoiserOutputKind;
import org.mdlm.api.schedule.NoiseSchedule;

/**
 * A hand-written denoiser for tests: a rule fills its output row by row; records its calls. Public
 * so that the tests of the other sampler packages use it too.
 *
 * <p>Of kind {@link DenoiserOutputKind#CLEAN_LOG_PROBS} unless told otherwise. At masked positions
 * (and everywhere without carry-over) the rule fills the clean columns, the rest being -inf; the
 * mask column is then set to -inf for log-probs and to 0 for log score ratios (the score of the
 * current token, 1, as SEDD's model gives it). At unmasked positions with carry-over the row is 0 at
 * the observed token and -inf elsewhere.
 */
public final class FakeDenoiser implements Denoiser {

    /** Fills the output row of position l of one sequence (the mask column is then overwritten, see above). */
    @FunctionalInterface
    public interface Rule {
        void fill(int[] xtRow, int l, double sigma, float[] out);
    }

    /** The schedule every fake reports (the tests' log-linear one). */
    public static final NoiseSchedule SCHEDULE = new LogLinearTestSchedule();

    private final DenoiserOutputKind kind;
    private final int vocab;
    private final int maskId;
    private final boolean timeConditioned;
    private final boolean carryOver;
    private final Rule rule;
    private final int trainedLength;
    /** sigma of every call, in order. */
    public final List<double[]> sigmas = new ArrayList<>();
    /** A copy of the tokens of every call, in order. */
    public final List<int[][]> inputs = new ArrayList<>();

    /** A fake giving clean-token log-probs. */
    public FakeDenoiser(int vocab, int maskId, boolean timeConditioned, boolean carryOver, Rule rule) {
        this(DenoiserOutputKind.CLEAN_LOG_PROBS, vocab, maskId, timeConditioned, carryOver, rule);
    }

    /** A fake giving outputs of {@code kind}. */
    public FakeDenoiser(DenoiserOutputKind kind, int vocab, int maskId, boolean timeConditioned, boolean carryOver,
            Rule rule) {
        this.kind = kind;
        this.vocab = vocab;
        this.maskId = maskId;
        this.timeConditioned = timeConditioned;
        this.carryOver = carryOver;
        this.rule = rule;
        this.trainedLength = 0;
    }

    private FakeDenoiser(FakeDenoiser base, DenoiserOutputKind kind, int trainedLength) {
        this.kind = kind;
        this.vocab = base.vocab;
        this.maskId = base.maskId;
        this.timeConditioned = base.timeConditioned;
        this.carryOver = base.carryOver;
        this.rule = base.rule;
        this.trainedLength = trainedLength;
    }

    /** Same probabilities at every masked position; the last id is the mask. */
    public static FakeDenoiser fixed(double... cleanProbs) {
        int vocab = cleanProbs.length + 1;
        return new FakeDenoiser(vocab, vocab - 1, false, true, (row, l, sigma, out) -> {
            for (int v = 0; v < cleanProbs.length; v++) {
                out[v] = (float) Math.log(cleanProbs[v]);
            }
        });
    }

    /**
     * Output depends on xt (the number of masked tokens in the row) and the position; with
     * {@code timeConditioned} also on sigma. The last id is the mask.
     */
    public static FakeDenoiser xtDependent(int vocab, boolean timeConditioned) {
        int mask = vocab - 1;
        return new FakeDenoiser(vocab, mask, timeConditioned, true, (row, l, sigma, out) -> {
            int masked = 0;
            for (int tok : row) {
                masked += tok == mask ? 1 : 0;
            }
            double time = timeConditioned ? sigma : 0.0;
            double z = 0;
            for (int v = 0; v < mask; v++) {
                z += Math.exp(2.0 * Math.sin(1.3 * v + 0.7 * l + 0.9 * masked + 3.0 * time * v));
            }
            for (int v = 0; v < mask; v++) {
                out[v] = (float) (2.0 * Math.sin(1.3 * v + 0.7 * l + 0.9 * masked + 3.0 * time * v) - Math.log(z));
            }
        });
    }

    /**
     * Log score ratios implied by {@link #fixed}'s probabilities at every masked position:
     * log s_v = log p_v - log expm1(sigma) (time-conditioned; the last id is the mask).
     */
    public static FakeDenoiser exactScores(double... cleanProbs) {
        int vocab = cleanProbs.length + 1;
        return new FakeDenoiser(DenoiserOutputKind.LOG_SCORE_RATIOS, vocab, vocab - 1, true, true,
                (row, l, sigma, out) -> {
                    for (int v = 0; v < cleanProbs.length; v++) {
                        out[v] = (float) (Math.log(cleanProbs[v]) - Math.log(Math.expm1(sigma)));
                    }
                });
    }

    /** This fake with the same rule but another output kind. */
    public FakeDenoiser withKind(DenoiserOutputKind other) {
        return new FakeDenoiser(this, other, trainedLength);
    }

    /** This fake with the same rule, reporting {@code length} as its trained length (0 by default: unknown). */
    public FakeDenoiser withTrainedLength(int length) {
        return new FakeDenoiser(this, kind, length);
    }

    /** Number of evaluations so far. */
    public int calls() {
        return sigmas.size();
    }

    @Override
    public int vocabSize() {
        return vocab;
    }

    @Override
    public int maskId() {
        return maskId;
    }

    @Override
    public boolean timeConditioned() {
        return timeConditioned;
    }

    @Override
    public DenoiserOutputKind kind() {
        return kind;
    }

    @Override
    public NoiseSchedule schedule() {
        return SCHEDULE;
    }

    @Override
    public int trainedLength() {
        return trainedLength;
    }

    @Override
    public DenoiserOutput evaluate(int[][] xt, double[] sigma) {
        sigmas.add(sigma.clone());
        int[][] copy = new int[xt.length][];
        for (int b = 0; b < xt.length; b++) {
            copy[b] = xt[b].clone();
        }
        inputs.add(copy);
        int batch = xt.length;
        int length = xt[0].length;
        float[] data = new float[batch * length * vocab];
        float[] row = new float[vocab];
        for (int b = 0; b < batch; b++) {
            for (int l = 0; l < length; l++) {
                int tok = xt[b][l];
                if (carryOver && tok != maskId) {
                    Arrays.fill(row, Float.NEGATIVE_INFINITY);
                    row[tok] = 0f;
                } else {
                    Arrays.fill(row, Float.NEGATIVE_INFINITY);
                    rule.fill(xt[b], l, sigma[b], row);
                    row[maskId] = kind == DenoiserOutputKind.LOG_SCORE_RATIOS ? 0f : Float.NEGATIVE_INFINITY;
                }
                System.arraycopy(row, 0, data, (b * length + l) * vocab, vocab);
            }
        }
        return new DenoiserOutput(kind, batch, length, vocab, data);
    }
}
