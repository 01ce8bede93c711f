package org.mdlm.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mdlm.api.model.DenoiserOutput;
import org.mdlm.api.model.DenoiserOutputKind;
import org.mdlm.api.model.Parameterization;
import org.mdlm.api.schedule.NoiseSchedule;
import org.mdlm.process.param.D3pmConfig;
import org.mdlm.process.param.D3pmObjective;
import org.mdlm.process.param.SeddConfig;
import org.mdlm.process.param.SeddObjective;
import org.mdlm.process.schedule.LogLinearConfig;
import org.mdlm.process.schedule.LogLinearSchedule;

/**
 * The D3PM and SEDD baselines train and evaluate through the unchanged engine, and SEDD's output
 * reads the true sigma even from a backbone that ignores it (the engine feeds {@code output.sigma}).
 */
class BaselineObjectivesTest {

    private static final NoiseSchedule SCHEDULE = new LogLinearSchedule(LogLinearConfig.defaults());

    @TempDir
    Path dir;

    @Test
    void d3pmLearns() {
        assertLearns(new D3pmObjective(new D3pmConfig(100)), "tiny/d3pm/loglinear");
    }

    @Test
    void seddLearnsAndItsScoresScaleWithTheTrueSigma() {
        ModelSpec spec = assertLearns(new SeddObjective(SeddConfig.defaults()), "tiny/sedd/loglinear");
        InferenceModel model = InferenceModel.create(spec, Checkpoint.load(dir.resolve("last")));
        int m = Fixtures.MASK;
        int[][] xt = {{0, m, 2, 3, 0, m, 2, 3}, {0, m, 2, 3, 0, m, 2, 3}};
        double s1 = SCHEDULE.sigma(0.2);
        double s2 = SCHEDULE.sigma(0.8);
        DenoiserOutput out = model.evaluate(xt, new double[] {s1, s2});
        assertEquals(DenoiserOutputKind.LOG_SCORE_RATIOS, out.kind());
        assertEquals(0.0, out.get(0, 1, m), 0.0, "the mask column of a masked position is log 1");
        // The backbone ignores sigma, so the two rows differ only by log(expm1(s2)) - log(expm1(s1)).
        double expected = Math.log(Math.expm1(s2)) - Math.log(Math.expm1(s1));
        for (int v = 0; v < m; v++) {
            assertEquals(expected, out.get(0, 1, v) - out.get(1, 1, v), 1e-4, "column " + v);
        }
    }

    private ModelSpec assertLearns(Parameterization objective, String description) {
        ModelSpec spec = new ModelSpec(new TinyTestBackbone(32), objective, SCHEDULE, Fixtures.V, Fixtures.MASK,
                description);
        EvalRequest request = EvalRequest.sampled(32, 8, 4, 1e-3, 3L);
        EvalResult before = Evaluator.evaluate(spec, ModelGraph.build(spec, false, true, 7L).params(),
                Fixtures.validStream(), request, EvalProgress.NONE);
        TrainResult r = new Trainer(spec, Fixtures.config(60, 0, 0), Fixtures.trainStream(), Fixtures.validStream(),
                dir, null).train();
        EvalResult after = Evaluator.evaluate(spec, Checkpoint.load(r.lastCheckpoint()).emaParams(),
                Fixtures.validStream(), request, EvalProgress.NONE);
        assertTrue(after.natsPerToken() < before.natsPerToken() - 0.3,
                description + ": bound before " + before.natsPerToken() + ", after " + after.natsPerToken());
        assertTrue(after.natsPerToken() > 0, "a bound on an NLL is positive");
        assertFalse(after.exact(), "reported as a bound");
        try {
            Files.copy(r.lastCheckpoint(), dir.resolve("last"), StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return spec;
    }
}
