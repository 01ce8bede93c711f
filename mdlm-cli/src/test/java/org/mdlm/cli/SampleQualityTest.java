package org.mdlm.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Constrained sampling and sample quality on tiny trained models (hidden 32, one block, sequences of
 * 32): a prefix and the known parts of an infilling template come out unchanged; bad templates are
 * refused with what is wrong; an autoregressive model takes a prefix but no text after a gap;
 * {@code mdlm eval --gen-ppl} scores samples under an ar evaluator and refuses any other objective or
 * vocabulary; {@code mdlm bench sample} reports sampler speeds.
 */
class SampleQualityTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path models;
    @TempDir
    Path tmp;

    static Path subs;
    static Path ar;
    static Path syntheticAr;

    @BeforeAll
    static void trainTinyModels() {
        subs = train("subs", 20);
        ar = train("ar", 20, "--set", "parameterization.type=ar");
        syntheticAr = train("synthetic-ar", 2, "--set", "parameterization.type=ar", "--set", "domain.type=synthetic",
                "--set", "domain.vocab=28", "--set", "domain.train_tokens=4096", "--set", "domain.eval_tokens=1024");
    }

    private static Path train(String name, int steps, String... extra) {
        Path out = models.resolve(name);
        List<String> args = new ArrayList<>(List.of("train", "--out", out.toString(), "--set", "train.steps=" + steps,
                "--set", "train.eval_every=0", "--set", "train.eval_windows=2", "--set", "train.eval_t_samples=1",
                "--set", "train.checkpoint_every=0", "--set", "train.log_every=10", "--set", "train.warmup_steps=2",
                "--set", "train.lr=0.003", "--set", "model.hidden=32", "--set", "model.cond_dim=32",
                "--set", "model.blocks=1", "--set", "train.seq_len=32", "--set", "train.batch_size=4"));
        args.addAll(List.of(extra));
        CliRunner.Result r = CliRunner.run(args.toArray(String[]::new));
        assertEquals(0, r.code(), r.err());
        return out;
    }

    private static List<JsonNode> samples(Path dir) throws Exception {
        List<JsonNode> out = new ArrayList<>();
        for (String line : Files.readAllLines(dir.resolve("samples.jsonl"))) {
            out.add(JSON.readTree(line));
        }
        return out;
    }

    private static List<Integer> ints(JsonNode array) {
        List<Integer> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asInt()));
        return out;
    }

    @Test
    void aPrefixSurvivesUnchanged() throws Exception {
        Path out = tmp.resolve("prefix");
        String prefix = "call me ishmael ";
        CliRunner.Result r = CliRunner.run("sample", "--run", subs.toString(), "--prefix", prefix, "--length", "40",
                "--num", "2", "--steps", "8", "--set", "sampler.type=ddpm", "--out", out.toString());
        assertEquals(0, r.code(), r.err());
        List<JsonNode> s = samples(out);
        assertEquals(2, s.size());
        List<String> printed = r.out().lines().toList();
        for (int i = 0; i < 2; i++) {
            String text = s.get(i).get("text").asText();
            assertEquals(40, text.length(), text);
            assertTrue(text.startsWith(prefix), text);
            assertTrue(text.matches("[a-z ]+"), "no mask left: " + text);
            assertEquals(i, s.get(i).get("index").asInt());
            assertEquals(40, s.get(i).get("tokens").size());
            assertEquals(IntStream.range(0, 16).boxed().toList(), ints(s.get(i).get("fixed")));
            assertTrue(s.get(i).get("entropy").asDouble() > 0);
            assertEquals(text, printed.get(i), "the texts are printed");
        }
        assertEquals(r.out().strip(), Files.readString(out.resolve("samples.txt")).strip());
        assertTrue(r.err().contains("sampler ddpm (8 steps): 2 samples of 40 tokens, 9 network calls (NFE)"), r.err());
        assertTrue(r.err().contains("per sample") && r.err().contains("mean unigram entropy"), r.err());
        JsonNode report = JSON.readTree(out.resolve("report.json").toFile());
        assertEquals(9, report.get("network_calls").asInt());
        assertEquals("prefix", report.get("constraint").asText());
    }

    @Test
    void theKnownPartsOfAnInfillTemplateSurviveUnchanged() throws Exception {
        Path out = tmp.resolve("infill");
        CliRunner.Result r = CliRunner.run("sample", "--run", subs.toString(), "--infill", "the cat ___ on the mat",
                "--length", "40", "--num", "2", "--out", out.toString());
        assertEquals(0, r.code(), r.err());
        for (JsonNode s : samples(out)) {
            String text = s.get("text").asText();
            assertEquals(40, text.length(), text);
            assertTrue(text.startsWith("the cat ") && text.endsWith(" on the mat"), text);
            assertTrue(text.matches("[a-z ]+"), "the gap is filled: " + text);
            List<Integer> fixed = new ArrayList<>(IntStream.range(0, 8).boxed().toList());
            fixed.addAll(IntStream.range(29, 40).boxed().toList());
            assertEquals(fixed, ints(s.get("fixed")), "8 known tokens, a gap of 40 - 19 = 21, 11 known tokens");
        }
        assertTrue(r.err().contains("sampler ddpm_cache (128 steps)"), "the run's own sampler: " + r.err());
        assertTrue(r.err().contains("infill: 19 of 40 positions fixed, 1 gap (21 tokens at 8)"), r.err());

        Path three = tmp.resolve("three");
        CliRunner.Result g = CliRunner.run("sample", "--run", subs.toString(), "--infill", "___ whale ___ sea ___",
                "--gap-length", "5", "--num", "1", "--steps", "6", "--out", three.toString());
        assertEquals(0, g.code(), g.err());
        String text = samples(three).get(0).get("text").asText();
        assertEquals(5 + 7 + 5 + 5 + 5, text.length(), "the template's length with gaps of 5: " + text);
        assertEquals(" whale ", text.substring(5, 12), text);
        assertEquals(" sea ", text.substring(17, 22), text);

        CliRunner.Result spread = CliRunner.run("sample", "--run", subs.toString(), "--infill", "a#b#c", "--gap-marker",
                "#", "--length", "8", "--num", "1", "--steps", "4", "--out", tmp.resolve("spread").toString());
        assertEquals(0, spread.code(), spread.err());
        String t = samples(tmp.resolve("spread")).get(0).get("text").asText();
        assertTrue(t.charAt(0) == 'a' && t.charAt(4) == 'b' && t.charAt(7) == 'c' && t.length() == 8,
                "5 free positions over 2 gaps: 3 then 2: " + t);
    }

    @Test
    void samplesGoToTheRunFolderByDefault() throws Exception {
        CliRunner.Result r = CliRunner.run("sample", "--run", subs.toString(), "--num", "1", "--length", "12",
                "--steps", "4");
        assertEquals(0, r.code(), r.err());
        assertEquals(12, r.out().strip().length(), r.out());
        try (Stream<Path> dirs = Files.list(subs.resolve("samples"))) {
            assertTrue(dirs.anyMatch(d -> Files.isRegularFile(d.resolve("samples.jsonl"))
                    && d.getFileName().toString().matches("\\d{8}-\\d{6}(-\\d+)?")));
        }
    }

    @Test
    void badTemplatesAreRefusedWithWhatIsWrong() {
        String[][] cases = {
            {"has no gap", "--infill", "the cat"},
            {"cannot encode: 'T' (U+0054) at 0", "--infill", "The cat ___ mat"},
            {"cannot encode: '!'", "--prefix", "hello!"},
            {"19 tokens, more than the sample length 10", "--infill", "the cat ___ on the mat", "--length", "10"},
            {"the --prefix is 15 tokens, more than the sample length 5", "--prefix", "a longer prefix", "--length", "5"},
            {"leave only 1 of the 4 positions", "--infill", "a___b___c", "--length", "4"},
            {"--length 30 disagrees", "--infill", "a ___ b", "--gap-length", "3", "--length", "30"},
            {"not both", "--prefix", "a", "--infill", "a ___"},
            {"--gap-length applies to --infill", "--prefix", "a", "--gap-length", "3"},
        };
        for (String[] c : cases) {
            List<String> args = new ArrayList<>(List.of("sample", "--run", subs.toString(), "--out",
                    tmp.resolve("never").toString()));
            args.addAll(List.of(c).subList(1, c.length));
            CliRunner.Result r = CliRunner.run(args.toArray(String[]::new));
            assertEquals(2, r.code(), String.join(" ", c) + ": " + r.err());
            assertTrue(r.err().contains(c[0]), "expected '" + c[0] + "' in: " + r.err());
            assertFalse(Files.exists(tmp.resolve("never")), "nothing written");
        }
    }

    @Test
    void anAutoregressiveModelTakesAPrefixButNoTextAfterAGap() throws Exception {
        CliRunner.Result refused = CliRunner.run("sample", "--run", ar.toString(), "--infill", "the cat ___ on the mat",
                "--length", "32");
        assertEquals(2, refused.code(), refused.err());
        assertTrue(refused.err().contains("autoregressive") && refused.err().contains("--prefix"), refused.err());

        for (String[] c : new String[][] {{"--prefix", "the cat "}, {"--infill", "the cat ___"}}) {
            Path out = tmp.resolve("ar" + c[0]);
            CliRunner.Result r = CliRunner.run("sample", "--run", ar.toString(), c[0], c[1], "--length", "20",
                    "--num", "2", "--out", out.toString());
            assertEquals(0, r.code(), r.err());
            for (JsonNode s : samples(out)) {
                String text = s.get("text").asText();
                assertTrue(text.startsWith("the cat ") && text.length() == 20 && text.matches("[a-z ]+"), text);
            }
            assertTrue(r.err().contains("sampler ar:") && r.err().contains("12 network calls"),
                    "one call per position after the prefix: " + r.err());
        }
    }

    @Test
    void generativePerplexityScoresSamplesUnderAnArEvaluator() throws Exception {
        CliRunner.Result r = CliRunner.run("eval", "--run", subs.toString(), "--gen-ppl", "--evaluator", ar.toString(),
                "--num", "2", "--length", "40", "--set", "sampler.type=ddpm", "--set", "sampler.steps=8", "--json");
        assertEquals(0, r.code(), r.err());
        JsonNode j = JSON.readTree(r.out());
        double ppl = j.get("gen_ppl").asDouble();
        assertEquals(Math.exp(j.get("nats_per_token").asDouble()), ppl, 1e-9 * ppl);
        assertTrue(ppl > 1 && ppl < 1000, "finite and sensible: " + ppl);
        assertEquals(80, j.get("scored_tokens").asInt());
        assertEquals(32, j.get("evaluator_context").asInt());
        assertEquals(2, j.get("windows_per_sample").asInt(), "40 tokens in windows of 32 and 8");
        assertEquals("ar", j.get("evaluator_objective").asText());
        assertEquals("ddpm", j.get("sampler").asText());
        assertEquals(8, j.get("sampler_steps").asInt());
        assertEquals(9, j.get("nfe").asInt());
        assertTrue(j.get("seconds_per_sample").asDouble() > 0);
        double h = j.get("entropy_mean").asDouble();
        assertTrue(h > 0 && h <= Math.log(27), "unigram entropy of 40 characters: " + h);

        CliRunner.Result text = CliRunner.run("eval", "--checkpoint", latestCheckpoint(ar).toString(), "--gen-ppl",
                "--evaluator", latestCheckpoint(ar).toString(), "--num", "1", "--length", "16");
        assertEquals(0, text.code(), text.err());
        assertTrue(text.out().contains("generative perplexity") && text.out().contains("(ar, step 20)")
                && text.out().contains("mean unigram entropy") && text.out().contains("16 network calls (NFE)"),
                text.out());
    }

    @Test
    void generativePerplexityRefusesAnEvaluatorOfAnotherObjectiveOrVocabulary() {
        CliRunner.Result diffusion = CliRunner.run("eval", "--run", subs.toString(), "--gen-ppl", "--evaluator",
                subs.toString(), "--num", "1", "--length", "8");
        assertEquals(2, diffusion.code(), diffusion.err());
        assertTrue(diffusion.err().contains("'subs' objective") && diffusion.err().contains("ar objective"),
                diffusion.err());

        CliRunner.Result vocab = CliRunner.run("eval", "--run", subs.toString(), "--gen-ppl", "--evaluator",
                syntheticAr.toString(), "--num", "1", "--length", "8");
        assertEquals(2, vocab.code(), vocab.err());
        assertTrue(vocab.err().contains("different vocabulary") && vocab.err().contains("synthetic"), vocab.err());

        CliRunner.Result none = CliRunner.run("eval", "--run", subs.toString(), "--gen-ppl");
        assertEquals(2, none.code(), none.err());
        assertTrue(none.err().contains("--evaluator"), none.err());
    }

    @Test
    void benchSampleReportsSpeedsAndNetworkCallsOfBothSamplers() throws Exception {
        CliRunner.Result r = CliRunner.run("bench", "sample", "--preset", "tiny", "--json", "--steps-list", "4,8",
                "--repeats", "2", "--runs", "2", "--warmup", "1", "--batch", "2", "--length", "32",
                "--set", "model.hidden=32", "--set", "model.cond_dim=32", "--set", "model.blocks=1");
        assertEquals(0, r.code(), r.err());
        JsonNode j = JSON.readTree(r.out());
        assertEquals(32, j.get("sample_length").asInt());
        assertEquals(1, j.get("sample_batch").asInt());
        assertEquals(2, j.get("repeats").asInt());
        for (int t : new int[] {4, 8}) {
            assertEquals(t + 1, j.get("ddpm_T" + t + "_nfe").asDouble(), "one call per step and one to finish");
            double cached = j.get("ddpm_cache_T" + t + "_nfe").asDouble();
            assertTrue(cached >= 1 && cached <= t + 1, "cached calls " + cached);
            for (String s : new String[] {"ddpm", "ddpm_cache"}) {
                double seconds = j.get(s + "_T" + t + "_seconds").asDouble();
                assertEquals(32 / seconds, j.get(s + "_T" + t + "_tokens_per_s").asDouble(), 1e-9 * 32 / seconds);
            }
            assertEquals(j.get("ddpm_T" + t + "_seconds").asDouble() / j.get("ddpm_cache_T" + t + "_seconds").asDouble(),
                    j.get("speedup_T" + t).asDouble(), 1e-9);
        }
        assertEquals(4, j.get("sampling").size());
        assertTrue(j.get("ms_per_forward_median").asDouble() > 0, "the forward-pass timing is still there");
    }

    private static Path latestCheckpoint(Path run) throws Exception {
        try (Stream<Path> s = Files.list(run.resolve("checkpoints"))) {
            return s.filter(p -> p.getFileName().toString().endsWith(".zip")).sorted().reduce((a, b) -> b).orElseThrow();
        }
    }
}
