package org.mdlm.cli.ablate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mdlm.engine.TrainConfig;

/** The tables on hand-made numbers: mean and sample std over seeds, bits = nats / ln 2, bound or exact, failures. */
class AblationTableTest {

    private final AblationGrid grid = AblationGrid.of(new GridDefinition("tiny", List.of("train.steps=4"),
            List.of("parameterization.type=subs,ar"), List.of(), true, 3));
    private final GridCell subs = grid.cells().get(0);
    private final GridCell ar = grid.cells().get(1);
    private final AblationTable table = new AblationTable(new GridDefinition("tiny", List.of("train.steps=4"),
            List.of("parameterization.type=subs,ar"), List.of(), true, 3), grid.axes(), "a budget");

    private static RunResult finished(GridCell cell, long seed, double nats, boolean characterLevel, boolean exact) {
        return new RunResult(GridRun.in(Path.of("g"), cell, seed), RunResult.Status.FINISHED, null, 4, 512, nats,
                0.01, characterLevel, exact, List.of(new RunResult.EvalPoint(2, nats + 1), new RunResult.EvalPoint(4, nats)));
    }

    @Test
    void statsAreTheMeanAndTheSampleStandardDeviation() {
        AblationTable.Stats s = AblationTable.Stats.of(List.of(1.0, 2.0, 4.0));
        assertEquals(3, s.n());
        assertEquals(7.0 / 3, s.mean(), 1e-12);
        double ss = Math.pow(1 - 7.0 / 3, 2) + Math.pow(2 - 7.0 / 3, 2) + Math.pow(4 - 7.0 / 3, 2);
        assertEquals(Math.sqrt(ss / 2), s.std(), 1e-12);
        assertTrue(Double.isNaN(AblationTable.Stats.of(List.of(5.0)).std()), "no spread from one seed");
        assertTrue(Double.isNaN(AblationTable.Stats.of(List.of()).mean()));
    }

    @Test
    void markdownRowsGiveMeanAndStdOfNatsAndBitsAndSayBoundOrExact() {
        List<RunResult> results = List.of(
                finished(subs, 0, 1.0, true, false), finished(subs, 1, 2.0, true, false), finished(subs, 2, 4.0, true, false),
                finished(ar, 0, 1.5, true, true), RunResult.failed(GridRun.in(Path.of("g"), ar, 1), "boom | bang"),
                RunResult.without(GridRun.in(Path.of("g"), ar, 2), RunResult.Status.MISSING, null));
        String md = table.markdown(results);
        double std = AblationTable.Stats.of(List.of(1.0, 2.0, 4.0)).std();
        double ln2 = Math.log(2);
        String subsRow = row(md, "parameterization.type=subs");
        assertEquals(String.format(java.util.Locale.ROOT,
                "| parameterization.type=subs | 3 | 2.3333 ± %.4f | %.4f ± %.4f | bound | 4 | 512 |  |",
                std, 7.0 / 3 / ln2, std / ln2), subsRow);
        String arRow = row(md, "parameterization.type=ar");
        assertTrue(arRow.startsWith(String.format(java.util.Locale.ROOT,
                "| parameterization.type=ar | 1 of 3 | 1.5000 | %.4f | exact | 4 | 512 |", 1.5 / ln2)), arRow);
        assertTrue(arRow.contains("seed 1 failed: boom \\| bang; seed 2 not finished"), arRow);
        assertTrue(md.contains("| val bits/char |"), md);
        assertTrue(md.contains("preset `tiny`") && md.contains("`train.steps=4`") && md.contains("a budget"), md);
        assertTrue(md.contains("runs finished: 4 of 6"), md);
        assertTrue(md.contains("train.seed 0, 1, 2"), md);
    }

    @Test
    void perplexityReplacesBitsOutsideCharacterDomains() {
        String md = table.markdown(List.of(finished(subs, 0, 1.0, false, false), finished(subs, 1, 2.0, false, false)));
        assertTrue(md.contains("| val perplexity |"), md);
        double mean = (Math.E + Math.exp(2)) / 2;
        double std = AblationTable.Stats.of(List.of(Math.E, Math.exp(2))).std();
        assertTrue(row(md, "parameterization.type=subs").contains(String.format(java.util.Locale.ROOT, "%.3f ± %.3f",
                mean, std)), md);
    }

    @Test
    void theHeaderNamesTheDomainsUnit() {
        RunResult base = new RunResult(GridRun.in(Path.of("g"), subs, 0), RunResult.Status.FINISHED, null, 4, 512, 1.3,
                0.01, false, false, List.of(new RunResult.EvalPoint(4, 1.3)), "base");
        assertTrue(table.markdown(List.of(base)).contains("| val nats/base | val perplexity |"));
        assertTrue(table.markdown(List.of(finished(subs, 0, 1.0, false, false))).contains("| val nats/token |"));
    }

    @Test
    void csvHasALinePerRunWithTheVariedValuesAndFigures() {
        String csv = table.csv(List.of(finished(subs, 0, 2.0, true, false), finished(ar, 0, 1.5, false, true),
                RunResult.failed(GridRun.in(Path.of("g"), ar, 1), "bad, \"very\"\nbad")));
        List<String> lines = csv.lines().toList();
        assertEquals("parameterization.type,seed,status,steps,train_tokens,val_nats_per_token,val_se,val_bpc,val_ppl,"
                + "likelihood,run_folder,failure", lines.get(0));
        assertEquals("subs,0,finished,4,512,2.0,0.01," + 2.0 / Math.log(2) + "," + Math.exp(2.0)
                + ",bound,parameterization.type=subs/seed-0,", lines.get(1));
        assertEquals("ar,0,finished,4,512,1.5,0.01,," + Math.exp(1.5) + ",exact,parameterization.type=ar/seed-0,",
                lines.get(2), "no bits per character outside character domains");
        assertEquals("ar,1,failed,,,,,,,,parameterization.type=ar/seed-1,\"bad, \"\"very\"\" bad\"", lines.get(3));
        assertEquals(4, lines.size());
    }

    @Test
    void budgetStatesStepsTokensAndEvaluation() {
        String b = AblationTable.budget(TrainConfig.builder().steps(1500).batch(16, 128).every(10, 500, 500)
                .evaluation(64, 16).build());
        assertTrue(b.startsWith("1500 steps of 16 x 128 tokens (3,072,000 training tokens); validation every 500 steps"), b);
    }

    private static String row(String md, String label) {
        return md.lines().filter(l -> l.startsWith("| " + label + " |")).findFirst().orElseThrow(() -> new AssertionError(md));
    }
}
