package org.mdlm.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mdlm.testkit.TestData;

/**
 * A tiny fine-tune on the real UCI primate splice-junction set of the data folder given to the
 * profile "data" (3,186 rows of 60 nt, labels ei, ie, n; the file's sequences hold only A, C, G
 * and T): a small DiT pretrained for a few steps on the real chromosome 20, then 3-fold
 * cross-validation on the first 900 rows, pretrained against scratch, 10 epochs each. Both must beat
 * always answering the majority class (n, 54% of those rows) by 4 points; a run like it measured
 * 0.62-0.66 per fold (pretrained mean 0.642, scratch 0.628; about two minutes on 2 cores).
 */
@Tag("data")
class FineTuneSpliceTest {

    @TempDir
    Path tmp;

    @Test
    void aTinyFineTuneOnSpliceJunctionsBeatsTheMajorityClass() throws Exception {
        Path run = tmp.resolve("pretrain");
        CliRunner.Result t = CliRunner.run("train", "--out", run.toString(), "--set", "domain.type=dna",
                "--set", "domain.data=" + TestData.data("dna/hg19-chr20.fa.gz"), "--set", "model.hidden=32",
                "--set", "model.heads=2", "--set", "model.blocks=2", "--set", "model.cond_dim=32",
                "--set", "train.steps=40", "--set", "train.batch_size=16", "--set", "train.seq_len=64",
                "--set", "train.lr=0.003", "--set", "train.warmup_steps=5", "--set", "train.eval_every=40",
                "--set", "train.eval_windows=4", "--set", "train.eval_t_samples=1", "--set", "train.checkpoint_every=40");
        assertEquals(0, t.code(), t.err());
        Path out = tmp.resolve("finetune");
        CliRunner.Result r = CliRunner.run("finetune", "--checkpoint", run.resolve("checkpoints/ckpt-000040.zip")
                .toString(), "--task", TestData.data("dna/splice-junctions.tsv").toString(), "--limit", "900",
                "--folds", "3", "--epochs", "10", "--batch", "32", "--lr", "0.003", "--out", out.toString());
        assertEquals(0, r.code(), r.err());
        JsonNode j = new ObjectMapper().readTree(out.resolve("finetune.json").toFile());
        assertEquals(900, j.at("/task/rows").asInt());
        assertEquals(60, j.at("/task/sequence_length").asInt());
        assertEquals(0, j.at("/task/changed_characters").asInt(), "the file holds only A, C, G, T");
        int n = j.at("/task/classes/n").asInt();
        assertEquals(900, j.at("/task/classes/ei").asInt() + j.at("/task/classes/ie").asInt() + n);
        double majority = (double) n / 900;
        for (JsonNode arm : j.get("results")) {
            assertEquals(3, arm.get("folds").size());
            assertTrue(arm.get("accuracy_mean").asDouble() > majority + 0.04, arm.get("initialisation")
                    + ": accuracy " + arm.get("accuracy_mean") + " against the majority class's share " + majority);
        }
    }
}
