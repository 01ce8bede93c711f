package org.mdlm.backbones.caduceus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mdlm.api.domain.TokenStream;
import org.mdlm.engine.EvalMetrics;
import org.mdlm.engine.ModelSpec;
import org.mdlm.engine.StepMetrics;
import org.mdlm.engine.TrainConfig;
import org.mdlm.engine.Trainer;
import org.mdlm.engine.TrainingListener;
import org.mdlm.process.param.SubsConfig;
import org.mdlm.process.param.SubsParameterization;
import org.mdlm.process.schedule.LogLinearConfig;
import org.mdlm.process.schedule.LogLinearSchedule;

/**
 * A tiny reverse-complement Caduceus trained through the engine (SUBS, log-linear schedule, lean
 * executor, AdamW, EMA) on a DNA-like corpus, a random 5-mer repeated, learns to read its
 * neighbours: the training loss falls, and the validation NELBO ends well below what any model that
 * ignores context can reach (the entropy of the 5-mer's base frequencies, at most ln 4).
 */
class CaduceusTrainingTest {

    private static final int[] PATTERN = {0, 2, 3, 3, 1};

    @TempDir
    Path dir;

    @Test
    void trainingOnARepeatedKmerUsesContext() {
        CaduceusConfig config = new CaduceusConfig(16, 2, 4, 2, 4, 0, 0.001, 0.1, true, true, true, false, 8);
        ModelSpec spec = new ModelSpec(new Caduceus(config), new SubsParameterization(SubsConfig.defaults()),
                new LogLinearSchedule(LogLinearConfig.defaults()), new DnaLikeVocabulary(), "caduceus/subs/test");
        TrainConfig train = TrainConfig.builder().steps(30).batch(8, 32).lr(1e-2, 5).emaDecay(0.9)
                .every(1, 30, 0).evaluation(8, 4).keepCheckpoints(0).seed(7L).build();
        List<StepMetrics> steps = new ArrayList<>();
        List<EvalMetrics> evals = new ArrayList<>();
        new Trainer(spec, train, repeating(4000), repeating(1000), dir, new TrainingListener() {
            @Override
            public void onStep(StepMetrics m) {
                steps.add(m);
            }

            @Override
            public void onEval(EvalMetrics m) {
                evals.add(m);
            }
        }).train();

        assertEquals(30, steps.size());
        double first = mean(steps.subList(0, 5));
        double last = mean(steps.subList(25, 30));
        assertTrue(last < 0.6 * first, "training loss: first ten steps " + first + ", last ten " + last);
        // Without context the best a model can do is predict the 5-mer's base frequencies:
        // A 1/5, C 1/5, G 1/5, T 2/5, entropy 3 (1/5) ln 5 + (2/5) ln (5/2) = 1.3322 nats.
        double contextFree = 3 * 0.2 * Math.log(5) + 0.4 * Math.log(2.5);
        double nelbo = evals.get(evals.size() - 1).natsPerToken();
        assertTrue(nelbo < contextFree - 0.4, "validation NELBO " + nelbo + " vs context-free " + contextFree);
    }

    private static double mean(List<StepMetrics> steps) {
        return steps.stream().mapToDouble(StepMetrics::loss).average().orElseThrow();
    }

    private static TokenStream repeating(int length) {
        return new TokenStream() {
            @Override
            public long length() {
                return length;
            }

            @Override
            public void read(long offset, int[] dst, int dstOffset, int len) {
                for (int i = 0; i < len; i++) {
                    dst[dstOffset + i] = PATTERN[(int) ((offset + i) % PATTERN.length)];
                }
            }
        };
    }
}
