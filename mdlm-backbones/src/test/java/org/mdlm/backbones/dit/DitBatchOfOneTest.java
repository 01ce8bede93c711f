package org.mdlm.backbones.dit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mdlm.api.domain.TokenStream;
import org.mdlm.engine.StepMetrics;
import org.mdlm.engine.TrainConfig;
import org.mdlm.engine.Trainer;
import org.mdlm.engine.TrainingListener;
import org.mdlm.engine.ModelSpec;
import org.mdlm.process.param.SubsConfig;
import org.mdlm.process.param.SubsParameterization;
import org.mdlm.process.schedule.LogLinearConfig;
import org.mdlm.process.schedule.LogLinearSchedule;

/**
 * The DiT trains at batch size 1: the adaLN chunks are computed from slices of their weight, since
 * SameDiff M2.1 cannot differentiate a slice of a [1, 6H] activation (strided_slice_bp fails).
 */
class DitBatchOfOneTest {

    @TempDir
    Path dir;

    @Test
    void trainsWithOneSequencePerStep() {
        ModelSpec spec = new ModelSpec(new Dit(new DitConfig(16, 2, 1, 8, 2, 0.0, true, 16)),
                new SubsParameterization(SubsConfig.defaults()), new LogLinearSchedule(LogLinearConfig.defaults()),
                8, 7, "dit/subs/batch-of-one");
        TrainConfig train = TrainConfig.builder().steps(3).batch(1, 64).lr(1e-3, 1).every(1, 3, 0)
                .evaluation(2, 1).keepCheckpoints(0).seed(1L).build();
        List<StepMetrics> steps = new ArrayList<>();
        TokenStream data = new TokenStream() {
            @Override
            public long length() {
                return 1000;
            }

            @Override
            public void read(long offset, int[] dst, int dstOffset, int len) {
                for (int i = 0; i < len; i++) {
                    dst[dstOffset + i] = (int) ((offset + i) % 7);
                }
            }
        };
        new Trainer(spec, train, data, data, dir, new TrainingListener() {
            @Override
            public void onStep(StepMetrics m) {
                steps.add(m);
            }
        }).train();
        assertEquals(3, steps.size());
        // A step whose one sequence drew a small t may mask nothing (loss 0); the others must train.
        for (StepMetrics m : steps) {
            assertTrue(Double.isFinite(m.loss()) && Double.isFinite(m.gradNorm()), m.toString());
        }
        assertTrue(steps.stream().anyMatch(m -> m.loss() > 0 && m.gradNorm() > 0), "a gradient flows: " + steps);
    }
}
