package org.mdlm.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code mdlm ablate} end to end on the embedded corpus with a tiny budget: a 2 x 2 grid writes its
 * three outputs; an interrupted grid continues without re-running finished runs (one resumes from
 * its checkpoint, one without a checkpoint starts again); a failing run is recorded and the grid
 * goes on; bad grids are refused before anything runs.
 */
class AblateCommandTest {

    private static final String[] TINY = {"--set", "train.steps=4", "--set", "train.eval_every=2",
        "--set", "train.checkpoint_every=2", "--set", "train.eval_windows=2", "--set", "train.eval_t_samples=1",
        "--set", "train.log_every=2", "--set", "train.warmup_steps=1", "--set", "model.hidden=32",
        "--set", "model.cond_dim=32", "--set", "model.blocks=1", "--set", "train.seq_len=32",
        "--set", "train.batch_size=4"};

    @TempDir
    Path tmp;

    @Test
    void gridWritesItsTablesAndAnInterruptedGridResumesWithoutRerunningFinishedRuns() throws Exception {
        Path grid = tmp.resolve("grid");
        String[] args = concat(new String[] {"ablate", "--out", grid.toString(), "--vary", "train.lr=0.001,0.0003",
            "--seeds", "2"}, TINY);
        CliRunner.Result r = CliRunner.run(args);
        assertEquals(0, r.code(), r.err());
        assertTrue(r.err().contains("ablate: run 1/4 (train.lr=0.001, seed 0) — 0 done, 0 skipped"), r.err());
        assertTrue(r.err().contains("ablate: run 4/4 (train.lr=0.0003, seed 1) — 3 done, 0 skipped — ETA "), r.err());

        List<String> csv = Files.readAllLines(grid.resolve("ablation.csv"));
        assertEquals(5, csv.size(), String.join("\n", csv));
        assertTrue(csv.get(0).startsWith("train.lr,seed,status,steps,train_tokens,val_nats_per_token,val_se,val_bpc"));
        ObjectMapper json = new ObjectMapper();
        for (String line : csv.subList(1, 5)) {
            String[] f = line.split(",", -1);
            assertEquals("finished", f[2], line);
            assertEquals("4", f[3], line);
            assertEquals(String.valueOf(4 * 4 * 32), f[4], line);
            double nats = Double.parseDouble(f[5]);
            assertEquals(nats / Math.log(2), Double.parseDouble(f[7]), 1e-12, "bits per character = nats / ln 2");
            assertEquals("bound", f[9], line);
            JsonNode summary = json.readTree(grid.resolve(f[10]).resolve("summary.json").toFile());
            assertEquals(summary.get("val_nats_per_token").asDouble(), nats, 1e-12, "the last evaluation of " + f[10]);
            assertEquals(f[1], json.readTree(grid.resolve(f[10]).resolve("config.json").toFile()).at("/train/seed").asText());
        }
        String md = Files.readString(grid.resolve("ablation.md"));
        assertTrue(md.contains("| train.lr=0.001 | 2 | "), md);
        assertTrue(md.contains("| train.lr=0.0003 | 2 | "), md);
        assertEquals(2, md.lines().filter(l -> l.startsWith("| train.lr=")).count(), md);
        assertTrue(md.contains("preset `tiny`") && md.contains("`model.hidden=32`") && md.contains("4 steps of 4 x 32"), md);
        assertTrue(r.out().contains("| train.lr=0.001 | 2 | "), "the table is printed too: " + r.out());
        assertTrue(Files.size(grid.resolve("ablation.png")) > 1000);
        JsonNode recorded = json.readTree(grid.resolve("grid.json").toFile());
        assertEquals("train.lr=0.001,0.0003", recorded.at("/definition/vary/0").asText());
        assertEquals(4, recorded.get("runs").size());

        // Interrupt: run 2 as if killed after its step-2 checkpoint, run 3 as if killed before any checkpoint.
        Path resumed = grid.resolve("train.lr=0.001/seed-1");
        Path restarted = grid.resolve("train.lr=0.0003/seed-0");
        double resumedNats = json.readTree(resumed.resolve("summary.json").toFile()).get("val_nats_per_token").asDouble();
        int restartedLines = Files.readAllLines(restarted.resolve("metrics.jsonl")).size();
        Files.delete(resumed.resolve("summary.json"));
        Files.delete(resumed.resolve("checkpoints/ckpt-000004.zip"));
        Files.delete(restarted.resolve("summary.json"));
        try (Stream<Path> ck = Files.list(restarted.resolve("checkpoints"))) {
            for (Path p : ck.toList()) {
                Files.delete(p);
            }
        }
        Map<Path, FileTime> untouched = times(grid.resolve("train.lr=0.001/seed-0"), grid.resolve("train.lr=0.0003/seed-1"));

        CliRunner.Result again = CliRunner.run(args);
        assertEquals(0, again.code(), again.err());
        assertEquals(2, count(again.err(), "finished before — skipped"), again.err());
        assertTrue(again.err().contains("ablate: run 2/4 (train.lr=0.001, seed 1) — 0 done, 1 skipped — ETA unknown"
                + " until a run finishes — resumes from step 2"), again.err());
        assertTrue(again.err().contains("ablate: run 3/4 (train.lr=0.0003, seed 0) — 1 done, 1 skipped — ETA "),
                again.err());
        assertEquals(2, count(again.err(), "run folder: "), "two runs trained: " + again.err());
        assertEquals(untouched, times(grid.resolve("train.lr=0.001/seed-0"), grid.resolve("train.lr=0.0003/seed-1")),
                "finished runs are not rewritten");
        assertEquals(resumedNats, json.readTree(resumed.resolve("summary.json").toFile()).get("val_nats_per_token")
                .asDouble(), 0.0, "the resumed run ends where the uninterrupted one did");
        assertEquals(restartedLines, Files.readAllLines(restarted.resolve("metrics.jsonl")).size(),
                "the restarted run's log starts over");
        assertEquals(5, Files.readAllLines(grid.resolve("ablation.csv")).stream().filter(l -> !l.contains(",missing,"))
                .count());

        CliRunner.Result resume = CliRunner.run("ablate", "--resume", grid.toString());
        assertEquals(0, resume.code(), resume.err());
        assertEquals(4, count(resume.err(), "finished before — skipped"), resume.err());

        CliRunner.Result other = CliRunner.run(concat(new String[] {"ablate", "--out", grid.toString(), "--vary",
            "train.lr=0.001,0.0003", "--seeds", "3"}, TINY));
        assertEquals(2, other.code(), other.err());
        assertTrue(other.err().contains("holds another grid") && other.err().contains("--seeds 2 there, 3 here")
                && other.err().contains("mdlm ablate --resume " + grid), other.err());
        CliRunner.Result mixed = CliRunner.run("ablate", "--resume", grid.toString(), "--seeds", "3");
        assertEquals(2, mixed.code(), mixed.err());
        assertTrue(mixed.err().contains("leave out --seeds"), mixed.err());
    }

    @Test
    void aFailingRunIsRecordedAndTheGridGoesOn() throws Exception {
        Path grid = tmp.resolve("failing");
        // seq_len 200000 is longer than the embedded validation split: that run fails when its trainer starts.
        CliRunner.Result r = CliRunner.run(concat(new String[] {"ablate", "--out", grid.toString(),
            "--variant", "too long:train.seq_len=200000"}, TINY));
        assertEquals(1, r.code(), r.err());
        assertTrue(r.err().contains("ablate: run 2/2 (too long, seed 0) failed"), r.err());
        assertTrue(r.err().contains("1 done, 0 skipped, 1 failed"), r.err());
        String md = Files.readString(grid.resolve("ablation.md"));
        assertTrue(md.contains("| baseline | 1 | "), md);
        assertTrue(md.contains("| too long | 0 of 1 | – |") && md.contains("seed 0 failed: "), md);
        List<String> csv = Files.readAllLines(grid.resolve("ablation.csv"));
        assertTrue(csv.get(2).startsWith("too long,0,failed,"), csv.get(2));
    }

    @Test
    void badGridsAreRefusedBeforeAnythingRuns() {
        Path grid = tmp.resolve("bad");
        CliRunner.Result malformed = CliRunner.run("ablate", "--out", grid.toString(), "--vary", "train.lr");
        assertEquals(2, malformed.code(), malformed.err());
        assertTrue(malformed.err().contains("KEY=V1,V2,..."), malformed.err());
        CliRunner.Result empty = CliRunner.run("ablate", "--out", grid.toString(), "--vary", "train.lr=");
        assertEquals(2, empty.code(), empty.err());
        assertTrue(empty.err().contains("empty value list"), empty.err());
        CliRunner.Result variant = CliRunner.run("ablate", "--out", grid.toString(), "--variant", "no label");
        assertEquals(2, variant.code(), variant.err());
        assertTrue(variant.err().contains("LABEL:KEY=VALUE[;KEY=VALUE...]"), variant.err());
        CliRunner.Result unknown = CliRunner.run("ablate", "--out", grid.toString(), "--vary", "train.lrr=1,2");
        assertEquals(2, unknown.code(), unknown.err());
        assertTrue(unknown.err().contains("unknown config key 'train.lrr'"), unknown.err());
        CliRunner.Result plugin = CliRunner.run("ablate", "--out", grid.toString(), "--vary",
                "parameterization.type=subs,nope");
        assertEquals(2, plugin.code(), plugin.err());
        assertTrue(plugin.err().contains("parameterization.type=nope"), plugin.err());
        assertFalse(Files.exists(grid), "nothing written");
    }

    private static Map<Path, FileTime> times(Path... runs) throws Exception {
        Map<Path, FileTime> out = new LinkedHashMap<>();
        for (Path run : runs) {
            List<Path> files = new ArrayList<>();
            try (Stream<Path> all = Files.walk(run)) {
                all.filter(Files::isRegularFile).forEach(files::add);
            }
            for (Path f : files) {
                out.put(f, Files.getLastModifiedTime(f));
            }
        }
        return out;
    }

    private static int count(String text, String what) {
        int n = 0;
        for (int i = text.indexOf(what); i >= 0; i = text.indexOf(what, i + 1)) {
            n++;
        }
        return n;
    }

    private static String[] concat(String[] a, String[] b) {
        String[] out = new String[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
