package org.mdlm.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A training process killed with SIGKILL at a random step and resumed with {@code mdlm train
 * --resume} logs exactly the metrics (step, loss, learning rate, gradient norm, validation) of an
 * uninterrupted run. The killed process's lock on the run folder does not stand in the way.
 */
class KillAndResumeTest {

    private static final String[] RUN = {"--set", "train.steps=36", "--set", "train.checkpoint_every=6",
        "--set", "train.log_every=1", "--set", "train.eval_every=12", "--set", "train.eval_windows=4",
        "--set", "train.eval_t_samples=2", "--set", "train.keep_checkpoints=2", "--set", "model.hidden=32",
        "--set", "model.cond_dim=32", "--set", "train.seq_len=32", "--set", "train.batch_size=4"};

    @TempDir
    Path tmp;

    @Test
    void killedAndResumedRunEqualsUninterruptedRun() throws Exception {
        Path whole = tmp.resolve("whole");
        CliRunner.Result r = CliRunner.run(concat(new String[] {"train", "--out", whole.toString()}, RUN));
        assertEquals(0, r.code(), r.err());

        Path killed = tmp.resolve("killed");
        int killAfter = 8 + new SplittableRandom().nextInt(20);   // a random step between checkpoints or on one
        Process p = CliProcess.start(tmp.resolve("killed.log"), concat(new String[] {"train", "--out", killed.toString()}, RUN));
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(4);
        while (CliProcess.lastLoggedStep(killed) < killAfter) {
            assertTrue(p.isAlive(), "the training process ended early: " + Files.readString(tmp.resolve("killed.log")));
            assertTrue(System.nanoTime() < deadline, "the training process did not reach step " + killAfter);
            Thread.sleep(20);
        }
        p.destroyForcibly();   // SIGKILL: no shutdown hook runs
        assertTrue(p.waitFor(30, TimeUnit.SECONDS));
        assertTrue(CliProcess.lastLoggedStep(killed) < 36, "killed before the end");

        assertEquals(String.valueOf(p.pid()), Files.readString(killed.resolve("run.lock")).strip(),
                "the killed process left its lock file behind");
        CliRunner.Result resumed = CliRunner.run("train", "--resume", killed.toString());
        assertEquals(0, resumed.code(), resumed.err());

        List<String> expected = comparable(whole.resolve("metrics.jsonl"));
        List<String> actual = comparable(killed.resolve("metrics.jsonl"));
        assertEquals(expected.size(), actual.size(), "same number of logged lines (killed after step " + killAfter + ")");
        assertEquals(expected, actual, "killed after step " + killAfter);
        try (Stream<Path> ck = Files.list(killed.resolve("checkpoints"))) {
            assertTrue(ck.allMatch(f -> f.getFileName().toString().matches("ckpt-\\d+\\.zip")),
                    "no temporary checkpoint files left behind");
        }
    }

    @Test
    void terminatedRunWritesACheckpointWhereItStopped() throws Exception {
        Path run = tmp.resolve("terminated");
        String[] args = concat(new String[] {"train", "--out", run.toString()}, RUN);
        args = concat(args, new String[] {"--set", "train.checkpoint_every=1000", "--set", "train.steps=400"});
        Process p = CliProcess.start(tmp.resolve("terminated.log"), args);
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(4);
        while (CliProcess.lastLoggedStep(run) < 5) {
            assertTrue(p.isAlive(), Files.readString(tmp.resolve("terminated.log")));
            assertTrue(System.nanoTime() < deadline, "the training process did not reach step 5");
            Thread.sleep(20);
        }
        p.destroy();   // SIGTERM, handled like Ctrl-C (SIGINT): the shutdown hook stops the trainer
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "the process stops within a minute");
        int logged = CliProcess.lastLoggedStep(run);
        try (Stream<Path> ck = Files.list(run.resolve("checkpoints"))) {
            List<String> names = ck.map(f -> f.getFileName().toString()).toList();
            assertEquals(1, names.size(), "one checkpoint, written on the way out: " + names);
            int step = Integer.parseInt(names.get(0).replaceAll("\\D", ""));
            assertTrue(step >= 5 && step < 400 && step >= logged - 1, "checkpoint at the stop step " + step
                    + " (last logged " + logged + ")");
        }
    }

    /** The metrics without wall-clock fields, which legitimately differ. */
    private static List<String> comparable(Path metrics) throws Exception {
        ObjectMapper json = new ObjectMapper();
        List<String> out = new ArrayList<>();
        for (String line : Files.readAllLines(metrics)) {
            JsonNode n = json.readTree(line);
            ((com.fasterxml.jackson.databind.node.ObjectNode) n).remove(List.of("ms_per_step", "tokens_per_s"));
            out.add(n.toString());
        }
        return out;
    }

    private static String[] concat(String[] a, String[] b) {
        String[] out = new String[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

}
