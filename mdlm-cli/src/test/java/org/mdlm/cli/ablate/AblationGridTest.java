package org.mdlm.cli.ablate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mdlm.cli.config.ConfigException;

/** Grid expansion: the product of --vary axes, the variant axis and seeds; malformed specs refused with the form. */
class AblationGridTest {

    private static GridDefinition def(List<String> vary, List<String> variants, boolean baseline, int seeds) {
        return new GridDefinition("tiny", List.of("train.steps=4"), vary, variants, baseline, seeds);
    }

    @Test
    void twoVaryAxesTimesVariantsTimesSeedsGiveEveryCellAndRun() {
        AblationGrid grid = AblationGrid.of(def(List.of("train.lr=0.001,0.0003", "model.hidden=32, 64"),
                List.of("time:model.time_conditioning=true", "short warm-up:train.warmup_steps=1; train.log_every=1"),
                true, 2));
        assertEquals(List.of("train.lr", "model.hidden", AblationGrid.VARIANT_AXIS),
                grid.axes().stream().map(GridAxis::name).toList());
        List<GridCell> cells = grid.cells();
        assertEquals(2 * 2 * 3, cells.size());
        assertEquals("train.lr=0.001, model.hidden=32, baseline", cells.get(0).label());
        assertEquals("train.lr=0.001, model.hidden=32, time", cells.get(1).label());
        assertEquals("train.lr=0.001, model.hidden=32, short warm-up", cells.get(2).label());
        assertEquals("train.lr=0.001, model.hidden=64, baseline", cells.get(3).label());
        assertEquals("train.lr=0.0003, model.hidden=64, short warm-up", cells.get(11).label());
        assertEquals(List.of("0.0003", "64", "short warm-up"), cells.get(11).values());
        assertEquals(List.of("train.lr=0.001", "model.hidden=32"), cells.get(0).overrides(), "baseline adds nothing");
        assertEquals(List.of("train.lr=0.0003", "model.hidden=64", "train.warmup_steps=1", "train.log_every=1"),
                cells.get(11).overrides());
        assertEquals("train.lr=0.0003/model.hidden=64/short-warm-up", cells.get(11).folder());
        assertEquals(12, cells.stream().map(GridCell::folder).distinct().count(), "one folder per cell");

        Path grid0 = Path.of("g");
        List<GridRun> runs = grid.runs(grid0, 2, c -> c.label().contains("time") ? 10 : 0);
        assertEquals(24, runs.size());
        assertEquals(grid0.resolve("train.lr=0.001/model.hidden=32/baseline/seed-1"), runs.get(1).dir());
        assertEquals(List.of(10L, 11L), List.of(runs.get(2).seed(), runs.get(3).seed()), "seeds start at the cell's own");
        assertEquals("train.lr=0.001, model.hidden=32, time, seed 11", runs.get(3).label());
        assertEquals(List.of("train.lr=0.001", "model.hidden=32", "model.time_conditioning=true", "train.seed=11"),
                runs.get(3).overrides());
    }

    @Test
    void noAxesIsOneBaselineCellAndNoBaselineDropsTheRow() {
        AblationGrid seedsOnly = AblationGrid.of(def(List.of(), List.of(), true, 3));
        assertEquals(1, seedsOnly.cells().size());
        assertEquals("baseline", seedsOnly.cells().get(0).label());
        assertEquals(Path.of("g/seed-2"), seedsOnly.runs(Path.of("g"), 3, c -> 0).get(2).dir());

        AblationGrid variantsOnly = AblationGrid.of(def(List.of(), List.of("a:train.lr=0.01", "b:train.lr=0.02"), false, 1));
        assertEquals(List.of("a", "b"), variantsOnly.cells().stream().map(GridCell::label).toList());
    }

    @Test
    void malformedSpecsAreRefusedWithTheExpectedForm() {
        for (String bad : List.of("train.lr", "=1,2", "lr=1,2", "Train.LR=1")) {
            assertMessage(List.of(bad), List.of(), "KEY=V1,V2,...");
        }
        assertMessage(List.of("train.lr="), List.of(), "empty value list");
        assertMessage(List.of("train.lr=0.1,,0.2"), List.of(), "empty value");
        assertMessage(List.of("train.lr=0.1,0.1"), List.of(), "twice");
        assertMessage(List.of("domain.data=a:b,a|b"), List.of(), "same folder name");
        assertMessage(List.of("train.lr=0.1", "train.lr=0.2"), List.of(), "given twice");
        for (String bad : List.of("no colon", ":train.lr=1", "x:", "x: ; ")) {
            assertMessage(List.of(), List.of(bad), "LABEL:KEY=VALUE");
        }
        assertMessage(List.of(), List.of("x:lr=1"), "LABEL:KEY=VALUE");
        assertMessage(List.of(), List.of("x:train.lr=1;train.lr=2"), "sets train.lr twice");
        assertMessage(List.of(), List.of("baseline:train.lr=1"), "--no-baseline");
        assertMessage(List.of(), List.of("a:train.lr=1", "a:train.lr=2"), "used twice");
        assertMessage(List.of("train.lr=1,2"), List.of("x:train.lr=3"), "which --vary varies");
        assertMessage(List.of(), List.of("grid.json:train.lr=3"), "choose another label");
        ConfigException e = assertThrows(ConfigException.class, () -> AblationGrid.of(def(List.of(), List.of(), false, 1)));
        assertTrue(e.getMessage().contains("--variant"), e.getMessage());
        assertThrows(ConfigException.class, () -> def(List.of(), List.of(), true, 0));
    }

    @Test
    void folderNamesAreSafeAndReadable() {
        assertEquals("no-carry-over", AblationGrid.folderName(" no carry-over "));
        assertEquals("T=1000", AblationGrid.folderName("T=1000"));
        assertEquals("_._x_y", AblationGrid.folderName("../x/y"));
        assertEquals("a_b_c", AblationGrid.folderName("a:b|c"));
    }

    private static void assertMessage(List<String> vary, List<String> variants, String expected) {
        ConfigException e = assertThrows(ConfigException.class, () -> AblationGrid.of(def(vary, variants, true, 1)),
                vary + " " + variants);
        assertTrue(e.getMessage().contains(expected), vary + " " + variants + ": " + e.getMessage());
    }
}
