package org.mdlm.samplers.ar;

import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;
import java.util.SplittableRandom;
import org.mdlm.api.model.Denoiser;
import org.mdlm.api.model.DenoiserOutput;
import org.mdlm.api.model.DenoiserOutputKind;
import org.mdlm.api.sampling.SampleRequest;
import org.mdlm.api.sampling.SampleResult;
import org.mdlm.api.sampling.Sampler;
import org.mdlm.api.sampling.SamplingProgress;
import org.mdlm.samplers.draw.DrawShaping;

/**
 * Left-to-right sampling of an autoregressive model: position i is drawn from
 * p(x_i | x_&lt;i)^(1/T), renormalised over every token but the mask and truncated to its top-p
 * nucleus (see {@code DrawShaping}; top-p 1 truncates nothing), once positions 0..i-1 are
 * known. Positions the request fixes (a prefix, or any non-mask token of its initial sequences) are
 * kept and condition what follows. One network call per position that some sequence still has to
 * draw; one uniform per drawn token, in row-major order.
 *
 * <p>The denoiser's input is the sequence shifted right by one, with the mask id as
 * beginning-of-sequence marker (see {@link DenoiserOutputKind#NEXT_TOKEN_LOG_PROBS}).
 */
public final class ArSampler implements Sampler {

    private final ArSamplerConfig config;

    /** Creates the sampler. */
    public ArSampler(ArSamplerConfig config) {
        this.config = Objects.requireNonNull(config, "config");
    }

    /** The settings. */
    public ArSamplerConfig config() {
        return config;
    }

    @Override
    public Set<DenoiserOutputKind> reads() {
        return EnumSet.of(DenoiserOutputKind.NEXT_TOKEN_LOG_PROBS);
    }

    @Override
    public SampleResult sample(Denoiser denoiser, SampleRequest request, SamplingProgress progress) {
        Objects.requireNonNull(denoiser, "denoiser");
        checkReads(denoiser);
        SamplingProgress listener = progress == null ? SamplingProgress.NONE : progress;
        int mask = denoiser.maskId();
        int vocab = denoiser.vocabSize();
        int[][] x = request.start(mask, vocab);
        SplittableRandom random = new SplittableRandom(request.seed());
        int length = request.length();
        int calls = 0;
        double[] sigma = new double[x.length];
        DrawShaping shaping = new DrawShaping(config.temperature(), config.topP());
        for (int i = 0; i < length; i++) {
            if (anyToDraw(x, i, mask)) {
                DenoiserOutput out = denoiser.evaluate(shiftRight(x, mask), sigma);
                calls++;
                for (int b = 0; b < x.length; b++) {
                    if (x[b][i] == mask) {
                        x[b][i] = shaping.inverseCdf(out.values(), out.offset(b, i), vocab, mask,
                                random.nextDouble());
                    }
                }
            }
            listener.onStep(i + 1, length, calls);
        }
        return new SampleResult(x, calls);
    }

    private static boolean anyToDraw(int[][] x, int i, int mask) {
        for (int[] row : x) {
            if (row[i] == mask) {
                return true;
            }
        }
        return false;
    }

    /** The denoiser's input: each row shifted right by one behind the mask id. */
    static int[][] shiftRight(int[][] x, int bos) {
        int[][] in = new int[x.length][];
        for (int b = 0; b < x.length; b++) {
            in[b] = new int[x[b].length];
            in[b][0] = bos;
            System.arraycopy(x[b], 0, in[b], 1, x[b].length - 1);
        }
        return in;
    }

    @Override
    public String toString() {
        return "ar" + config;
    }
}
