package org.mdlm.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mdlm.api.domain.Split;
import org.mdlm.api.domain.TokenStream;
import org.mdlm.api.plugin.PluginRegistry;
import org.mdlm.cli.config.ConfigResolver;
import org.mdlm.cli.config.JsonMappers;
import org.mdlm.cli.config.Presets;
import org.mdlm.cli.run.Pipeline;

/**
 * The tiny model learns context, not just character frequencies: after 600 steps on the embedded
 * corpus its validation bound is below the unigram entropy of the validation text, which is the
 * best any model that ignores context can reach (about 4.08 bits per character).
 *
 * <p>Measured (2 cores, seed 0, the settings below): 3.64 bits per character, with a standard error
 * of 0.016 for this evaluation (64 windows x 8 noise levels: the spread over window counts 64-68).
 * Seeds 1-3 reached 3.21-3.35: seed 0 is the slowest learner seen. The bound sits 0.1 bits (about
 * six standard errors) below the unigram entropy, so a frequency-only model cannot pass by chance.
 */
@Tag("slow")
class LearningTest {

    /** Bits below the unigram entropy the model must reach. */
    private static final double MARGIN = 0.1;

    @TempDir
    Path tmp;

    /** Entropy in bits of the character frequencies of the tiny preset's validation split. */
    private static double unigramEntropyOfValidation() {
        ObjectMapper mapper = JsonMappers.create();
        ConfigResolver resolver = new ConfigResolver(PluginRegistry.loadDefault(), mapper, new Presets(mapper));
        TokenStream valid = Pipeline.assemble(resolver.resolve("tiny", List.of())).domain().read(Split.VALID);
        int[] ids = new int[(int) valid.length()];
        valid.read(0, ids, 0, ids.length);
        long[] counts = new long[64];
        for (int id : ids) {
            counts[id]++;
        }
        double h = 0;
        for (long c : counts) {
            if (c > 0) {
                double p = (double) c / ids.length;
                h -= p * Math.log(p) / Math.log(2);
            }
        }
        return h;
    }

    @Test
    void sixHundredStepsBeatTheUnigramEntropy() throws Exception {
        double unigram = unigramEntropyOfValidation();
        assertTrue(unigram > 3.9 && unigram < 4.3, "unigram entropy of English-like text: " + unigram);
        Path out = tmp.resolve("run");
        CliRunner.Result r = CliRunner.run("train", "--out", out.toString(),
                "--set", "train.steps=600", "--set", "train.lr=0.001", "--set", "train.warmup_steps=20",
                "--set", "train.eval_every=0", "--set", "train.eval_windows=64", "--set", "train.eval_t_samples=8",
                "--set", "train.checkpoint_every=0", "--set", "train.log_every=50");
        assertEquals(0, r.code(), r.err());
        JsonNode summary = new ObjectMapper().readTree(out.resolve("summary.json").toFile());
        assertEquals(600, summary.get("steps").asInt());
        double bpc = summary.get("val_bpc").asDouble();
        assertTrue(bpc < unigram - MARGIN, "validation bits/char after 600 steps: " + bpc
                + "; a model of character frequencies alone reaches " + unigram);
    }
}
