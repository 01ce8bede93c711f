package org.mdlm.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mdlm.testkit.TestData;

/**
 * The text8-standin preset, on the full corpus of the data folder given to the profile "data",
 * follows the reference implementation's training curve (../shared/notes/reference-curves.md: EMA
 * bits per character 4.010 at step 250 and 3.765 at step 500, standard error about 0.03-0.07): a
 * faithful model, loss and optimizer land within noise.
 */
@Tag("data")
class ReferenceCurveTest {

    @TempDir
    Path tmp;

    @Test
    void text8StandinMatchesTheReferenceCurveForFiveHundredSteps() throws Exception {
        Path corpus = TestData.data("text/text8-standin");
        Path out = tmp.resolve("run");
        CliRunner.Result r = CliRunner.run("run", "--preset", "text8-standin", "--data", corpus.toString(),
                "--out", out.toString(), "--set", "train.steps=500", "--set", "train.eval_every=250",
                "--set", "train.checkpoint_every=0", "--set", "sample.batch=1", "--set", "sampler.steps=16");
        assertEquals(0, r.code(), r.err());
        List<double[]> evals = new ArrayList<>();
        ObjectMapper json = new ObjectMapper();
        for (String line : Files.readAllLines(out.resolve("metrics.jsonl"))) {
            JsonNode m = json.readTree(line);
            if (m.has("val_bpc")) {
                evals.add(new double[] {m.get("step").asInt(), m.get("val_bpc").asDouble()});
            }
        }
        assertEquals(2, evals.size(), "evaluations at steps 250 and 500");
        assertEquals(250, (int) evals.get(0)[0]);
        assertEquals(4.010, evals.get(0)[1], 0.15, "EMA bits/char at step 250 (reference 4.010)");
        assertEquals(500, (int) evals.get(1)[0]);
        assertEquals(3.765, evals.get(1)[1], 0.12, "EMA bits/char at step 500 (reference 3.765)");
    }
}
