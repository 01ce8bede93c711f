package org.mdlm.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mdlm.api.domain.Vocabulary;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A fine-tune starts a new run (step 0, fresh optimizer) from a checkpoint's weights, loaded by name
 * where name and shape match; every other parameter keeps its fresh value and is reported.
 */
class FineTuneTest {

    @TempDir
    Path dir;

    @Test
    void weightsLoadByNameAndTheDifferencesAreReported() {
        ModelSpec base = Fixtures.spec(16);
        Checkpoint source = Checkpoint.load(new Trainer(base, Fixtures.config(4, 0, 0), Fixtures.trainStream(),
                Fixtures.validStream(), dir.resolve("a"), null).train().lastCheckpoint());
        // The same network over one more token id: the embedding and output layer change shape.
        ModelSpec wider = new ModelSpec(base.backbone(), base.objective(), base.schedule(), Vocabulary.of(9, 8),
                "tiny/subs/loglinear");

        TrainingState state = new TrainingState(wider, Fixtures.config(3, 0, 0));
        INDArray freshEmbedding = state.weights().get("emb").dup();
        List<String> missed = state.initialize(source.emaParams(), true);
        assertEquals(3, missed.size(), missed.toString());
        assertTrue(missed.stream().anyMatch(d -> d.contains("'emb' has shape [8, 16]")), missed.toString());
        assertTrue(missed.stream().anyMatch(d -> d.contains("'out.weight'")), missed.toString());
        assertTrue(missed.stream().anyMatch(d -> d.contains("'out.bias'")), missed.toString());
        Map<String, INDArray> loaded = state.weights();
        assertEquals(source.emaParams().get("mix.weight"), loaded.get("mix.weight"), "matching names load");
        assertEquals(freshEmbedding, loaded.get("emb"), "a parameter of another shape keeps its fresh value");
        assertEquals(loaded.get("mix.weight"), state.emaWeights().get("mix.weight"), "the EMA starts from the loaded weights");

        List<String> reported = new ArrayList<>();
        TrainResult r = new Trainer(wider, Fixtures.config(3, 0, 0), Fixtures.trainStream(), Fixtures.validStream(),
                dir.resolve("b"), null).trainFrom(source.emaParams(), reported::add);
        assertEquals(missed, reported);
        assertEquals(3, r.steps(), "a new run counts its own steps from 0");
        assertEquals(3, Checkpoint.load(r.lastCheckpoint()).step());
    }
}
