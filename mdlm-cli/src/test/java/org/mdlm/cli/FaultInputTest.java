package org.mdlm.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Faults and bad inputs around trained runs: each gives a clear message, exit code 2, and loses nothing. */
class FaultInputTest {

    private static final String[] SMALL = {"--set", "model.hidden=32", "--set", "model.cond_dim=32",
        "--set", "train.seq_len=32", "--set", "train.batch_size=4", "--set", "train.eval_windows=2",
        "--set", "train.eval_t_samples=2", "--set", "train.log_every=1", "--set", "train.eval_every=0"};

    @TempDir
    static Path shared;
    static Path trained;

    @BeforeAll
    static void trainATinyRun() {
        trained = shared.resolve("trained");
        CliRunner.Result r = CliRunner.run(concat(new String[] {"train", "--out", trained.toString(),
            "--set", "train.steps=4", "--set", "train.checkpoint_every=2"}, SMALL));
        assertEquals(0, r.code(), r.err());
    }

    @Test
    void truncatedCheckpointIsReportedAsSuch(@TempDir Path tmp) throws Exception {
        Path copy = copyRun(tmp);
        Path ckpt = copy.resolve("checkpoints/ckpt-000004.zip");
        byte[] bytes = Files.readAllBytes(ckpt);
        Files.write(ckpt, java.util.Arrays.copyOf(bytes, bytes.length / 2));
        CliRunner.Result r = CliRunner.run("sample", "--run", copy.toString());
        assertEquals(2, r.code(), r.err());
        assertTrue(r.err().contains("ckpt-000004.zip"), r.err());
    }

    @Test
    void garbageCheckpointIsReported(@TempDir Path tmp) throws Exception {
        Path copy = copyRun(tmp);
        Files.write(copy.resolve("checkpoints/ckpt-000004.zip"), "not a zip at all".getBytes());
        CliRunner.Result r = CliRunner.run("eval", "--run", copy.toString());
        assertEquals(2, r.code(), r.err());
        assertTrue(r.err().contains("ckpt-000004.zip"), r.err());
    }

    @Test
    void resumingWithAnotherBackboneShapeIsRefused(@TempDir Path tmp) throws Exception {
        Path copy = copyRun(tmp);
        CliRunner.Result r = CliRunner.run("train", "--resume", copy.toString(), "--set", "model.hidden=64",
                "--set", "train.steps=6");
        assertEquals(2, r.code(), r.err());
        assertTrue(r.err().contains("cannot resume"), r.err());
        assertTrue(Files.exists(copy.resolve("checkpoints/ckpt-000004.zip")), "the checkpoint is untouched");
    }

    @Test
    void resumingWithAnotherVocabularyIsRefused(@TempDir Path tmp) throws Exception {
        Path copy = copyRun(tmp);
        Path fasta = tmp.resolve("g.fa");
        StringBuilder sb = new StringBuilder(">chr\n");
        java.util.SplittableRandom rng = new java.util.SplittableRandom(3);
        for (int i = 0; i < 20_000; i++) {
            sb.append("ACGT".charAt(rng.nextInt(4)));
        }
        Files.writeString(fasta, sb.append('\n').toString());
        // 20,000 bases are one block of the default region split: the position split gives every split bases
        CliRunner.Result r = CliRunner.run("train", "--resume", copy.toString(), "--set", "domain.type=dna",
                "--set", "domain.data=" + fasta, "--set", "domain.split=position", "--set", "train.steps=6");
        assertEquals(2, r.code(), r.err());
        assertTrue(r.err().contains("cannot resume"), r.err());
    }

    @Test
    void emptyCorpusIsRejectedBeforeAnythingIsWritten(@TempDir Path tmp) throws Exception {
        Path empty = Files.writeString(tmp.resolve("empty.txt"), "");
        Path out = tmp.resolve("run");
        CliRunner.Result r = CliRunner.run("train", "--data", empty.toString(), "--out", out.toString());
        assertEquals(2, r.code(), r.err());
        assertTrue(r.err().contains("empty.txt"), r.err());
        assertFalse(Files.exists(out));
    }

    @Test
    void nonUtf8CorpusIsRejected(@TempDir Path tmp) throws Exception {
        Path latin1 = tmp.resolve("latin1.txt.gz");
        try (OutputStream o = new GZIPOutputStream(Files.newOutputStream(latin1))) {
            byte[] text = "caf\u00e9 au lait ".repeat(2000).getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
            o.write(text);
        }
        CliRunner.Result r = CliRunner.run("train", "--data", latin1.toString(), "--out", tmp.resolve("run").toString());
        assertEquals(2, r.code(), r.err());
        assertTrue(r.err().contains("UTF-8"), r.err());
    }

    private static Path copyRun(Path tmp) throws Exception {
        Path copy = tmp.resolve("copy");
        try (var walk = Files.walk(trained)) {
            for (Path p : (Iterable<Path>) walk::iterator) {
                Path target = copy.resolve(trained.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        }
        return copy;
    }

    private static String[] concat(String[] a, String[] b) {
        String[] out = new String[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
