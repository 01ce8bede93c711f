package org.mdlm.cli.commands;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mdlm.api.plugin.PluginRegistry;
import org.mdlm.cli.Main;
import org.mdlm.cli.config.ConfigResolver;
import org.mdlm.cli.config.JsonMappers;
import org.mdlm.cli.config.Presets;
import org.mdlm.engine.CheckpointException;
import org.mdlm.engine.InferenceModel;
import org.mdlm.engine.ModelSpec;

/**
 * A checkpoint file alone (copied away from its run folder) rebuilds a model whose outputs equal
 * those of the model loaded from the run; a model of another objective refuses it, naming both.
 */
class LoadedModelTest {

    @TempDir
    Path tmp;

    @Test
    void aLoneCheckpointRebuildsTheSameModel() throws Exception {
        Path run = tmp.resolve("run");
        StringWriter err = new StringWriter();
        int code = Main.execute(new String[] {"train", "--out", run.toString(), "--set", "train.steps=3",
            "--set", "train.eval_windows=2", "--set", "train.eval_t_samples=1", "--set", "model.hidden=32",
            "--set", "model.blocks=1", "--set", "train.warmup_steps=1", "--set", "train.lr=0.01"},
                new PrintWriter(new StringWriter(), true), new PrintWriter(err, true));
        assertEquals(0, code, err.toString());
        Path lone = Files.copy(run.resolve("checkpoints/ckpt-000003.zip"), tmp.resolve("lone.zip"));

        ObjectMapper mapper = JsonMappers.create();
        ConfigResolver resolver = new ConfigResolver(PluginRegistry.loadDefault(), mapper, new Presets(mapper));
        LoadedModel fromRun = LoadedModel.load(source(run, null), List.of(), resolver, mapper);
        LoadedModel fromFile = LoadedModel.load(source(null, lone), List.of(), resolver, mapper);
        assertEquals(fromRun.spec().description(), fromFile.spec().description());
        assertEquals(fromRun.config().tree(), fromFile.config().tree(), "the checkpoint carries the resolved config");

        int[][] xt = {{27, 1, 2, 27, 4, 5, 27, 7}, {0, 27, 27, 3, 4, 27, 6, 26}};
        double[] sigma = {0.5, 1.5};
        float[] a = fromRun.denoiser().evaluate(xt, sigma).values();
        float[] b = fromFile.denoiser().evaluate(xt, sigma).values();
        assertArrayEquals(a, b, 0f);
        assertTrue(a.length == 2 * 8 * 28 && Math.abs(a[1]) > 0, "a real output");

        LoadedModel asAr = LoadedModel.load(source(null, lone), List.of("parameterization.type=ar"), resolver, mapper);
        ModelSpec ar = asAr.spec();
        CheckpointException e = assertThrows(CheckpointException.class, () -> InferenceModel.check(ar,
                fromFile.checkpoint()));
        assertTrue(e.getMessage().contains("dit/subs/loglinear/text8") && e.getMessage().contains("dit/ar/loglinear/text8")
                && e.getMessage().contains("lone.zip"), e.getMessage());
    }

    private static ModelSource source(Path run, Path checkpoint) {
        ModelSource s = new ModelSource();
        s.location = new ModelSource.Location();
        s.location.run = run;
        s.location.checkpoint = checkpoint;
        return s;
    }
}
