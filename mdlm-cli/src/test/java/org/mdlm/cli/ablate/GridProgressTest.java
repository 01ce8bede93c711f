package org.mdlm.cli.ablate;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The progress line: position, counts and an ETA from the runs trained so far. */
class GridProgressTest {

    @Test
    void lineShowsPositionCountsAndEta() {
        GridCell cell = new GridCell("parameterization.type=ar", List.of("ar"), "parameterization.type=ar", List.of());
        GridRun run = GridRun.in(Path.of("g"), cell, 1);
        GridProgress p = new GridProgress(12);
        assertEquals("ablate: run 1/12 (parameterization.type=ar, seed 1) — 0 done, 0 skipped — ETA unknown until a run"
                + " finishes", p.starting(1, run, 12));
        p.skipped();
        p.done(100);
        p.done(200);
        p.failed();
        assertEquals("ablate: run 5/12 (parameterization.type=ar, seed 1) — 2 done, 1 skipped, 1 failed — ETA 20 min",
                p.starting(5, run, 8), "8 runs of 150 s each: 20 min");
        assertEquals("ablate: run 2/12 (parameterization.type=ar, seed 1) finished before — skipped", p.skipping(2, run));
        assertEquals("45 s", GridProgress.duration(45));
        assertEquals("2 h 05 min", GridProgress.duration(7500));
    }
}
