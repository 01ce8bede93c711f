package org.mdlm.cli.commands;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mdlm.api.model.AttentionPattern;
import org.mdlm.api.model.Backbone;
import org.mdlm.api.model.BackboneInputs;
import org.mdlm.api.plugin.PluginRegistry;
import org.mdlm.cli.Main;
import org.mdlm.cli.config.ConfigException;
import org.mdlm.cli.config.ConfigResolver;
import org.mdlm.cli.config.JsonMappers;
import org.mdlm.cli.config.Presets;
import org.mdlm.engine.GraphOutputs;
import org.mdlm.engine.PlaceholderFeeds;
import org.mdlm.engine.finetune.ClassifierGraph;
import org.mdlm.testkit.TestData;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * {@code mdlm finetune} on a tiny DiT pretrained in the test on the project's slice of chromosome 20:
 * the classifier starts from the language model's own trunk, a learnable toy task is learned far
 * above chance by both initialisations, the reports hold what the folds measured, and bad input is
 * refused with a message and nothing written.
 */
class FineTuneCommandTest {

    @TempDir
    static Path tmp;
    static Path checkpoint;

    /** Pretrains a 1-block DiT (hidden 32) for 30 steps on the first 321 kbp of chr20 (split by position). */
    @BeforeAll
    static void pretrain() {
        Path run = tmp.resolve("pretrain");
        Result r = run("train", "--out", run.toString(), "--set", "domain.type=dna",
                "--set", "domain.data=" + TestData.path("dna/hg19-chr20-head.fa.gz"), "--set", "domain.split=position",
                "--set", "model.hidden=32",
                "--set", "model.heads=2", "--set", "model.blocks=1", "--set", "model.cond_dim=32",
                "--set", "train.steps=30", "--set", "train.batch_size=8", "--set", "train.seq_len=32",
                "--set", "train.lr=0.003", "--set", "train.warmup_steps=5", "--set", "train.eval_every=30",
                "--set", "train.eval_windows=2", "--set", "train.eval_t_samples=1", "--set", "train.checkpoint_every=30");
        assertEquals(0, r.code, r.err);
        checkpoint = run.resolve("checkpoints/ckpt-000030.zip");
        assertTrue(Files.isRegularFile(checkpoint), r.err);
    }

    /**
     * A toy task: 120 rows of 21 bases, each A or C, labelled by the majority base ("a" or "c"),
     * drawn from a fixed seed.
     */
    private static Path majorityTask() throws IOException {
        SplittableRandom rng = new SplittableRandom(11);
        StringBuilder b = new StringBuilder("seq\tlabel\n");
        for (int i = 0; i < 120; i++) {
            StringBuilder s = new StringBuilder();
            int a = 0;
            for (int j = 0; j < 21; j++) {
                boolean isA = rng.nextBoolean();
                a += isA ? 1 : 0;
                s.append(isA ? 'A' : 'C');
            }
            b.append(s).append('\t').append(a > 10 ? "a" : "c").append('\n');
        }
        Path p = tmp.resolve("majority.tsv");
        Files.writeString(p, b.toString());
        return p;
    }

    @Test
    void bothInitialisationsLearnTheToyTaskAndTheReportsHoldTheFolds() throws Exception {
        Path out = tmp.resolve("ft");
        Result r = run("finetune", "--checkpoint", checkpoint.toString(), "--task", majorityTask().toString(),
                "--folds", "2", "--epochs", "12", "--batch", "16", "--lr", "0.003", "--seed", "1", "--out", out.toString());
        assertEquals(0, r.code, r.err);
        assertTrue(r.err.contains("finetune: pretrained fold 1/2: train on 60 rows, score 60, 48 steps"), r.err);
        assertTrue(r.err.contains("finetune: scratch fold 2/2 epoch 12 step 48/48 loss"), r.err);
        assertTrue(r.err.contains("ETA"), r.err);
        assertTrue(r.err.contains("weights not used by the classifier: output_layer."), r.err);

        JsonNode j = new ObjectMapper().readTree(out.resolve("finetune.json").toFile());
        assertTrue(j.get("complete").asBoolean());
        assertEquals(120, j.at("/task/rows").asInt());
        assertEquals(120, j.at("/task/classes/a").asInt() + j.at("/task/classes/c").asInt());
        assertEquals(2, j.get("results").size());
        for (int i = 0; i < 2; i++) {
            JsonNode arm = j.get("results").get(i);
            assertEquals(i == 0 ? "pretrained" : "scratch", arm.get("initialisation").asText());
            List<Double> acc = new ArrayList<>();
            int scored = 0;
            for (JsonNode f : arm.get("folds")) {
                assertEquals(f.get("correct").asDouble() / f.get("test_rows").asDouble(), f.get("accuracy").asDouble(),
                        1e-12);
                scored += f.get("test_rows").asInt();
                acc.add(f.get("accuracy").asDouble());
            }
            assertEquals(120, scored, "every row is held out once");
            assertEquals((acc.get(0) + acc.get(1)) / 2, arm.get("accuracy_mean").asDouble(), 1e-12);
            assertEquals(Math.abs(acc.get(0) - acc.get(1)) / Math.sqrt(2), arm.get("accuracy_sd").asDouble(), 1e-12,
                    "sample standard deviation of two folds");
            assertTrue(arm.get("accuracy_mean").asDouble() >= 0.8, arm.get("initialisation") + " learns the majority"
                    + " base far above chance (0.5): " + arm);
        }
        String md = Files.readString(out.resolve("finetune.md"));
        assertTrue(md.contains("| initialisation | accuracy (mean ± sd) | fold 1 | fold 2 | time |"), md);
        assertTrue(md.contains(String.format(java.util.Locale.ROOT, "| pretrained | %.4f ± %.4f |",
                j.at("/results/0/accuracy_mean").asDouble(), j.at("/results/0/accuracy_sd").asDouble())), md);
        assertTrue(md.contains("| scratch |"), md);
        assertTrue(r.out.contains("pretrained accuracy"), r.out);
    }

    @Test
    void theClassifierStartsFromTheLanguageModelsOwnTrunk() {
        ObjectMapper mapper = JsonMappers.create();
        ConfigResolver resolver = new ConfigResolver(PluginRegistry.loadDefault(), mapper, new Presets(mapper));
        LoadedModel model = LoadedModel.load(ModelSource.of(checkpoint), List.of(), resolver, mapper);
        Backbone backbone = model.pipeline().backbone();
        int[][] tokens = {{0, 1, 2, 3, 0, 0, 1, 2, 3, 3, 2}, {3, 3, 3, 2, 1, 0, 4, 0, 1, 2, 2}};

        // The pretrained language model's graph (output layer included), run by the engine's executor
        // (it may hold Java kernels, which SameDiff's own session cannot run): its last block's output,
        // the activation the DiT names dit.act.block<last>.
        SameDiff lm = SameDiff.create();
        PlaceholderFeeds feeds = new PlaceholderFeeds(lm);
        SDVariable xt = lm.placeHolder("xt", DataType.INT32, -1, -1);
        backbone.logits(lm, new BackboneInputs(xt, lm.placeHolder("sigma", DataType.FLOAT, -1), null,
                AttentionPattern.BIDIRECTIONAL, model.pipeline().domain().vocabulary(), false, 99, feeds));
        model.weights().forEach((n, v) -> lm.getArrForVarName(n).assign(v));
        Map<String, INDArray> ph = new HashMap<>(Map.of("xt", Nd4j.createFromArray(tokens), "sigma",
                Nd4j.zeros(DataType.FLOAT, 2)));
        feeds.fill(ph, 2, 11, new SplittableRandom(0));
        INDArray trunk = new GraphOutputs(lm).run(ph, List.of("dit.act.block0")).get("dit.act.block0");

        ClassifierGraph g = ClassifierGraph.build(backbone, model.pipeline().domain().vocabulary(), 3, false, 5, 6);
        GraphOutputs outputs = new GraphOutputs(g.sameDiff());
        INDArray fresh = outputs.run(g.placeholders(tokens, null, new SplittableRandom(0)),
                List.of(ClassifierGraph.FEATURES)).get(ClassifierGraph.FEATURES);
        assertTrue(fresh.sub(trunk).amaxNumber().doubleValue() > 1e-2, "a fresh backbone differs");
        List<String> unused = g.loadBackbone(model.weights());
        assertTrue(unused.stream().allMatch(n -> n.startsWith("output_layer.")), unused.toString());
        assertFalse(unused.isEmpty());
        INDArray features = outputs.run(g.placeholders(tokens, null, new SplittableRandom(0)),
                List.of(ClassifierGraph.FEATURES)).get(ClassifierGraph.FEATURES);
        double diff = features.sub(trunk).amaxNumber().doubleValue();
        assertTrue(diff < 1e-5, "the first forward's features are the pretrained trunk's: max difference " + diff);
    }

    @Test
    void badInputIsRefusedWithItsLineAndNothingIsWritten() throws IOException {
        Path out = tmp.resolve("never");
        Result missing = run("finetune", "--checkpoint", checkpoint.toString(), "--task", tmp.resolve("no.tsv").toString(),
                "--out", out.toString());
        assertEquals(2, missing.code, missing.err);
        assertTrue(missing.err.contains("no.tsv does not exist"), missing.err);

        Path bad = tmp.resolve("bad.tsv");
        Files.writeString(bad, "seq\tlabel\nACGT\ta\nACGT a\n");
        Result malformed = run("finetune", "--checkpoint", checkpoint.toString(), "--task", bad.toString(),
                "--out", out.toString());
        assertEquals(2, malformed.code, malformed.err);
        assertTrue(malformed.err.contains(bad + ":3: malformed row"), malformed.err);

        Path few = tmp.resolve("few.tsv");
        Files.writeString(few, "ACGT\ta\nACGA\ta\nACGG\ta\nCCGT\tb\nCCGA\tb\n");
        Result folds = run("finetune", "--checkpoint", checkpoint.toString(), "--task", few.toString(),
                "--folds", "3", "--out", out.toString());
        assertEquals(2, folds.code, folds.err);
        assertTrue(folds.err.contains("class 'b' has 2 rows") && folds.err.contains("at most 2 folds"), folds.err);

        Result both = run("finetune", "--checkpoint", checkpoint.toString(), "--task", few.toString(),
                "--epochs", "1", "--steps", "3", "--out", out.toString());
        assertEquals(2, both.code, both.err);
        assertTrue(both.err.contains("--epochs or as --steps, not both"), both.err);
        assertFalse(Files.exists(out), "nothing written for bad input");
    }

    @Test
    void aSetThatReshapesTheBackboneIsRefusedBeforeAnythingIsWritten() throws IOException {
        Path out = tmp.resolve("reshaped");
        Result r = run("finetune", "--checkpoint", checkpoint.toString(), "--task", majorityTask().toString(),
                "--set", "model.hidden=64", "--folds", "2", "--steps", "1", "--out", out.toString());
        assertEquals(2, r.code, r.err);
        assertTrue(r.err.contains("cannot fine-tune on") && r.err.contains("do not fit the backbone")
                && r.err.contains("(with --set model.hidden=64)"), r.err);
        Result other = run("finetune", "--checkpoint", checkpoint.toString(), "--task", majorityTask().toString(),
                "--set", "train.lr=0.1", "--out", out.toString());
        assertEquals(2, other.code, other.err);
        assertTrue(other.err.contains("only takes model.* overrides"), other.err);
        assertFalse(Files.exists(out), "nothing written");
    }

    /**
     * A second backbone: a tiny Caduceus pretrained for 3 steps on 32-base crops with scan chunks of 16
     * cannot take the toy task's 21-base rows until --set gives it a chunk that divides 21.
     */
    @Test
    void aCaduceusCheckpointFineTunesWithAScanChunkThatFitsTheRows() throws IOException {
        Path run = tmp.resolve("caduceus");
        Result t = run("train", "--out", run.toString(), "--set", "domain.type=dna",
                "--set", "domain.data=" + TestData.path("dna/hg19-chr20-head.fa.gz"), "--set", "domain.split=position",
                "--set", "model.type=caduceus",
                "--set", "model.d_model=8", "--set", "model.layers=1", "--set", "model.d_state=4",
                "--set", "model.scan_chunk=16", "--set", "train.steps=3", "--set", "train.batch_size=4",
                "--set", "train.seq_len=32", "--set", "train.eval_every=3", "--set", "train.eval_windows=1",
                "--set", "train.eval_t_samples=1", "--set", "train.checkpoint_every=3", "--set", "sampler.type=ddpm");
        assertEquals(0, t.code, t.err);
        String ckpt = run.resolve("checkpoints/ckpt-000003.zip").toString();
        Path out = tmp.resolve("ft-caduceus");
        Result refused = run("finetune", "--checkpoint", ckpt, "--task", majorityTask().toString(), "--folds", "2",
                "--steps", "2", "--out", out.toString());
        assertEquals(2, refused.code, refused.err);
        assertTrue(refused.err.contains("21") && refused.err.contains("multiple"), refused.err);
        assertFalse(Files.exists(out), "nothing written");

        Result r = run("finetune", "--checkpoint", ckpt, "--task", majorityTask().toString(), "--folds", "2",
                "--steps", "2", "--set", "model.scan_chunk=7", "--out", out.toString());
        assertEquals(0, r.code, r.err);
        assertTrue(r.err.contains("backbone caduceus with 16 features per position"), "two strands of 8: " + r.err);
        JsonNode j = new ObjectMapper().readTree(out.resolve("finetune.json").toFile());
        assertTrue(j.get("complete").asBoolean());
        assertEquals(2, j.at("/results/1/folds").size());
    }

    @Test
    void aBackboneWithoutFeaturesIsRefusedByName() {
        Backbone logitsOnly = new Backbone() {
            @Override
            public SDVariable logits(SameDiff sd, BackboneInputs in) {
                throw new AssertionError("not called");
            }

            @Override
            public boolean timeConditioned() {
                return false;
            }
        };
        ConfigException e = assertThrows(ConfigException.class,
                () -> FineTuneCommand.requireFeatures(logitsOnly, "mamba", Path.of("m.zip")));
        assertTrue(e.getMessage().contains("backbone 'mamba' of m.zip does not expose its features"), e.getMessage());
    }

    private record Result(int code, String out, String err) {
    }

    private static Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.execute(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Result(code, out.toString(), err.toString());
    }
}
