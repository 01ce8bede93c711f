package org.mdlm.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mdlm.cli.config.ConfigException;
import org.mdlm.cli.run.RunLock;

/**
 * One process at a time writes a run folder: while a training process holds a folder, a second
 * writer ({@code train --resume}, {@code run --overwrite}) is refused with exit code 2, naming the
 * process, and changes nothing; once the holder is gone (here killed), the folder can be resumed.
 */
class RunLockTest {

    private static final String[] SMALL = {"--set", "model.hidden=32", "--set", "model.cond_dim=32",
        "--set", "train.seq_len=32", "--set", "train.batch_size=4", "--set", "train.log_every=1",
        "--set", "train.eval_every=0", "--set", "train.eval_windows=2", "--set", "train.eval_t_samples=1"};

    @TempDir
    Path tmp;

    private static String[] args(String[] head, String... more) {
        String[] all = new String[head.length + SMALL.length + more.length];
        System.arraycopy(head, 0, all, 0, head.length);
        System.arraycopy(SMALL, 0, all, head.length, SMALL.length);
        System.arraycopy(more, 0, all, head.length + SMALL.length, more.length);
        return all;
    }

    @Test
    void aSecondWriterIsRefusedWhileTheFirstRunsAndResumeWorksAfterItIsKilled() throws Exception {
        Path run = tmp.resolve("run");
        Process first = CliProcess.start(tmp.resolve("first.log"), args(new String[] {"train", "--out", run.toString()},
                "--set", "train.steps=100000", "--set", "train.checkpoint_every=2"));
        try {
            long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(4);
            while (CliProcess.lastLoggedStep(run) < 3) {
                assertTrue(first.isAlive(), "the first writer ended early: " + Files.readString(tmp.resolve("first.log")));
                assertTrue(System.nanoTime() < deadline, "the first writer did not reach step 3");
                Thread.sleep(20);
            }
            String holder = "process " + first.pid();

            // steps=4 keeps a writer that was wrongly let in short (it would fail on the checkpoint beyond 4)
            CliRunner.Result resume = CliRunner.run("train", "--resume", run.toString(), "--set", "train.steps=4");
            assertEquals(2, resume.code(), resume.err());
            assertTrue(resume.err().contains("is being written by " + holder), resume.err());
            assertTrue(resume.err().contains(run.toString()), resume.err());

            long logged = Files.size(run.resolve("metrics.jsonl"));
            CliRunner.Result overwrite = CliRunner.run(args(new String[] {"run", "--out", run.toString(), "--overwrite"},
                    "--set", "train.steps=2"));
            assertEquals(2, overwrite.code(), overwrite.err());
            assertTrue(overwrite.err().contains("is being written by " + holder), overwrite.err());
            assertTrue(Files.size(run.resolve("metrics.jsonl")) >= logged, "the refused writer deleted nothing");
            assertTrue(first.isAlive(), "the first writer goes on");
        } finally {
            first.destroyForcibly();
            assertTrue(first.waitFor(30, TimeUnit.SECONDS));
        }

        int checkpoint;
        try (Stream<Path> files = Files.list(run.resolve("checkpoints"))) {
            List<Integer> steps = files.map(f -> f.getFileName().toString())
                    .filter(n -> n.matches("ckpt-\\d+\\.zip")).map(n -> Integer.parseInt(n.replaceAll("\\D", ""))).toList();
            checkpoint = steps.stream().max(Integer::compare).orElseThrow();
        }
        CliRunner.Result resumed = CliRunner.run("train", "--resume", run.toString(),
                "--set", "train.steps=" + (checkpoint + 1));
        assertEquals(0, resumed.code(), "a lock left by a killed process does not block the resume: " + resumed.err());
        assertEquals(String.valueOf(ProcessHandle.current().pid()), Files.readString(run.resolve(RunLock.FILE)).strip(),
                "the resuming process wrote its own id");
    }

    @Test
    void withinOneProcessTheLockIsHeldUntilClosed() throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("d"));
        try (RunLock held = RunLock.acquire(dir)) {
            ConfigException e = assertThrows(ConfigException.class, () -> RunLock.acquire(dir));
            assertTrue(e.getMessage().contains("process " + ProcessHandle.current().pid()), e.getMessage());
        }
        RunLock.acquire(dir).close();
    }
}
