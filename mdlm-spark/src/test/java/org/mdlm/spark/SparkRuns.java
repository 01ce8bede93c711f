package org.mdlm.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.mdlm.cli.Main;

/** Runs {@code mdlm} command lines in this JVM and reads their run folders, for the Spark tests. */
final class SparkRuns {

    /** The tiny preset, shortened: 20 steps logged one by one, evaluated and checkpointed at 10 and 20. */
    static final List<String> TINY = List.of("--preset", "tiny", "--set", "train.steps=20", "--set", "train.log_every=1",
            "--set", "train.eval_every=10", "--set", "train.eval_windows=4", "--set", "train.eval_t_samples=2",
            "--set", "train.checkpoint_every=10", "--set", "train.keep_checkpoints=0");

    private static final ObjectMapper JSON = new ObjectMapper();

    private SparkRuns() {
    }

    /** Runs {@code mdlm ARGS...}, failing with its error output unless it exits 0; returns standard error. */
    static String mdlm(List<String> args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.execute(args.toArray(String[]::new), new PrintWriter(out, true), new PrintWriter(err, true));
        assertEquals(0, code, "mdlm " + String.join(" ", args) + " failed:\n" + err);
        return err.toString();
    }

    /** {@code mdlm train} with {@link #TINY} and {@code options}. */
    static List<String> trainTiny(String... options) {
        List<String> all = new ArrayList<>(List.of("train"));
        all.addAll(TINY);
        all.addAll(Arrays.asList(options));
        return all;
    }

    /** Every line of a run's {@code metrics.jsonl} without its wall-clock fields. */
    static List<ObjectNode> metrics(Path run) {
        List<ObjectNode> out = new ArrayList<>();
        try {
            for (String line : Files.readAllLines(run.resolve("metrics.jsonl"))) {
                ObjectNode n = (ObjectNode) JSON.readTree(line);
                n.remove(List.of("ms_per_step", "tokens_per_s"));
                out.add(n);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    /** A JSON file of a run folder. */
    static JsonNode json(Path file) {
        try {
            return JSON.readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
