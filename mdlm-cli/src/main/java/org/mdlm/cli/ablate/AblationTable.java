package org.mdlm.cli.ablate;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import java.util.stream.Collectors;
import org.mdlm.engine.TrainConfig;

/**
 * The grid's tables: {@value #CSV}, one line per run (the varied values, seed, budget, final
 * validation figure with its standard error, bits per character or perplexity, bound or exact), and
 * {@value #MARKDOWN}, one row per cell with the mean and sample standard deviation over its seeds.
 */
public final class AblationTable {

    /** The per-run table's file name in the grid folder. */
    public static final String CSV = "ablation.csv";
    /** The per-cell table's file name in the grid folder. */
    public static final String MARKDOWN = "ablation.md";

    private final GridDefinition definition;
    private final List<GridAxis> axes;
    private final String budget;

    /**
     * A table of {@code definition}'s grid.
     *
     * @param budget the per-run budget for the header, e.g. from {@link #budget(TrainConfig)}
     */
    public AblationTable(GridDefinition definition, List<GridAxis> axes, String budget) {
        this.definition = definition;
        this.axes = List.copyOf(axes);
        this.budget = budget;
    }

    /**
     * E.g. "1500 steps of 16 x 128 tokens (3,072,000 training tokens); validation every 500 steps and at
     * the end on 64 windows x 16 noise level(s), EMA weights".
     */
    public static String budget(TrainConfig t) {
        String every = t.evalEvery() > 0 ? "every " + t.evalEvery() + " steps and " : "";
        return String.format(Locale.ROOT, "%d steps of %d x %d tokens (%,d training tokens); validation %sat the end"
                        + " on %d windows x %d noise level(s), EMA weights", t.steps(), t.batchSize(), t.seqLen(),
                t.steps() * t.tokensPerStep(), every, t.evalWindows(), t.evalTSamples());
    }

    /**
     * Mean and sample standard deviation (n-1 in the denominator; NaN for fewer than two values).
     *
     * @param n number of values
     * @param mean their mean, NaN when there are none
     * @param std their sample standard deviation
     */
    public record Stats(int n, double mean, double std) {

        /** The statistics of {@code values}. */
        public static Stats of(List<Double> values) {
            int n = values.size();
            double mean = n == 0 ? Double.NaN : values.stream().mapToDouble(Double::doubleValue).sum() / n;
            double ss = values.stream().mapToDouble(v -> (v - mean) * (v - mean)).sum();
            return new Stats(n, mean, n < 2 ? Double.NaN : Math.sqrt(ss / (n - 1)));
        }
    }

    /** The per-run CSV (a header line, then one line per run in grid order). */
    public String csv(List<RunResult> results) {
        List<String> header = new ArrayList<>(axes.stream().map(GridAxis::name).toList());
        header.addAll(List.of("seed", "status", "steps", "train_tokens", "val_nats_per_token", "val_se", "val_bpc",
                "val_ppl", "likelihood", "run_folder", "failure"));
        StringBuilder sb = new StringBuilder(csvLine(header));
        for (RunResult r : results) {
            List<String> row = new ArrayList<>(r.run().cell().values());
            boolean done = r.status() == RunResult.Status.FINISHED;
            row.add(String.valueOf(r.run().seed()));
            row.add(r.status().name().toLowerCase(Locale.ROOT));
            row.add(done ? String.valueOf(r.steps()) : "");
            row.add(done ? String.valueOf(r.trainTokens()) : "");
            row.add(number(r.natsPerToken()));
            row.add(number(r.standardError()));
            row.add(r.characterLevel() ? number(r.bitsPerToken()) : "");
            row.add(number(r.perplexity()));
            row.add(done ? likelihood(r) : "");
            row.add(r.run().folder());
            row.add(r.failure() == null ? "" : r.failure().replaceAll("\\s+", " "));
            sb.append(csvLine(row));
        }
        return sb.toString();
    }

    /** The per-cell markdown table with a header stating the preset, the overrides and the budget. */
    public String markdown(List<RunResult> results) {
        Map<GridCell, List<RunResult>> byCell = new LinkedHashMap<>();
        for (RunResult r : results) {
            byCell.computeIfAbsent(r.run().cell(), c -> new ArrayList<>()).add(r);
        }
        List<RunResult> finished = results.stream().filter(r -> r.status() == RunResult.Status.FINISHED).toList();
        boolean bpc = !finished.isEmpty() && finished.stream().allMatch(RunResult::characterLevel);
        StringBuilder sb = new StringBuilder();
        sb.append("# Ablation grid: preset `").append(definition.preset()).append("`\n\n");
        sb.append("- overrides (every cell): ").append(definition.overrides().isEmpty() ? "none"
                : definition.overrides().stream().map(o -> "`" + o + "`").collect(Collectors.joining(", "))).append('\n');
        sb.append("- budget per run (preset with overrides; cells that vary these keys differ): ").append(budget)
                .append('\n');
        sb.append("- axes: ").append(axes.isEmpty() ? "none (seeds only)" : axes.stream().map(this::describe)
                .collect(Collectors.joining("; "))).append('\n');
        sb.append("- seeds per cell: ").append(definition.seeds()).append(" (train.seed ")
                .append(seeds(results)).append(")\n");
        sb.append("- runs finished: ").append(finished.size()).append(" of ").append(results.size()).append("\n\n");
        List<String> units = finished.stream().map(RunResult::unit).distinct().toList();
        String unit = units.size() == 1 ? units.get(0) : "token";
        sb.append("| cell | seeds | val nats/").append(unit).append(" | ").append(bpc ? "val bits/char" : "val perplexity")
                .append(" | likelihood | steps | tokens seen | notes |\n");
        sb.append("|---|---:|---:|---:|---|---:|---:|---|\n");
        for (Map.Entry<GridCell, List<RunResult>> e : byCell.entrySet()) {
            sb.append(row(e.getKey(), e.getValue(), bpc)).append('\n');
        }
        sb.append("\nFigures: the last periodic validation of each run (EMA weights), mean ± sample standard deviation"
                + " (n-1) over the cell's finished seeds. \"bound\": a NELBO upper bound on the NLL (so perplexity is"
                + " an upper bound); \"exact\": the exact NLL.").append('\n');
        return sb.toString();
    }

    private String row(GridCell cell, List<RunResult> runs, boolean bpc) {
        List<RunResult> done = runs.stream().filter(r -> r.status() == RunResult.Status.FINISHED).toList();
        List<String> notes = new ArrayList<>();
        for (RunResult r : runs) {
            if (r.status() == RunResult.Status.FAILED) {
                notes.add("seed " + r.run().seed() + " failed: " + shorten(r.failure()));
            } else if (r.status() == RunResult.Status.MISSING) {
                notes.add("seed " + r.run().seed() + " not finished");
            }
        }
        String seeds = done.size() == runs.size() ? String.valueOf(runs.size()) : done.size() + " of " + runs.size();
        String nats = meanStd(done, RunResult::natsPerToken, "%.4f");
        String second = bpc ? meanStd(done, RunResult::bitsPerToken, "%.4f") : meanStd(done, RunResult::perplexity, "%.3f");
        String likelihood = done.isEmpty() ? "–" : done.stream().allMatch(RunResult::exact) ? "exact"
                : done.stream().noneMatch(RunResult::exact) ? "bound" : "mixed";
        return "| " + cell(cell.label()) + " | " + seeds + " | " + nats + " | " + second + " | " + likelihood + " | "
                + range(done.stream().map(r -> (long) r.steps()).toList(), "%d") + " | "
                + range(done.stream().map(RunResult::trainTokens).toList(), "%,d") + " | "
                + cell(String.join("; ", notes)) + " |";
    }

    private String describe(GridAxis axis) {
        if (axis.name().equals(AblationGrid.VARIANT_AXIS)) {
            return "variants " + axis.values().stream().map(v -> v.overrides().isEmpty() ? v.label() + " (preset unchanged)"
                    : v.label() + " (" + v.overrides().stream().map(o -> "`" + o + "`").collect(Collectors.joining(", "))
                    + ")").collect(Collectors.joining(", "));
        }
        return "`" + axis.name() + "` = " + axis.values().stream().map(GridAxis.Value::label)
                .collect(Collectors.joining(", "));
    }

    /** "0, 1" when every cell has the same seeds, else how they were chosen. */
    private static String seeds(List<RunResult> results) {
        Map<GridCell, List<Long>> byCell = new LinkedHashMap<>();
        results.forEach(r -> byCell.computeIfAbsent(r.run().cell(), c -> new ArrayList<>()).add(r.run().seed()));
        if (byCell.values().stream().distinct().count() > 1) {
            return "s, s+1, ... from each cell's own train.seed s";
        }
        return byCell.values().stream().findFirst().orElse(List.of()).stream().map(String::valueOf)
                .collect(Collectors.joining(", "));
    }

    private static String meanStd(List<RunResult> done, ToDoubleFunction<RunResult> value, String format) {
        Stats s = Stats.of(done.stream().map(value::applyAsDouble).filter(Double::isFinite).toList());
        if (s.n() == 0) {
            return "–";
        }
        String mean = String.format(Locale.ROOT, format, s.mean());
        return s.n() < 2 ? mean : mean + " ± " + String.format(Locale.ROOT, format, s.std());
    }

    private static String range(List<Long> values, String format) {
        if (values.isEmpty()) {
            return "–";
        }
        long min = values.stream().mapToLong(Long::longValue).min().orElseThrow();
        long max = values.stream().mapToLong(Long::longValue).max().orElseThrow();
        String lo = String.format(Locale.ROOT, format, min);
        return min == max ? lo : lo + "–" + String.format(Locale.ROOT, format, max);
    }

    private static String likelihood(RunResult r) {
        return r.exact() ? "exact" : "bound";
    }

    private static String number(double v) {
        return Double.isFinite(v) ? String.valueOf(v) : "";
    }

    private static String shorten(String message) {
        String m = message == null ? "unknown error" : message.strip();
        return m.length() > 160 ? m.substring(0, 157) + "..." : m;
    }

    /** Text made safe for a markdown table cell. */
    private static String cell(String text) {
        return text.replaceAll("\\s+", " ").replace("|", "\\|");
    }

    private static String csvLine(List<String> fields) {
        return fields.stream().map(AblationTable::csvField).collect(Collectors.joining(",")) + "\n";
    }

    private static String csvField(String f) {
        if (f.contains(",") || f.contains("\"") || f.contains("\n") || f.contains("\r")) {
            return "\"" + f.replace("\"", "\"\"") + "\"";
        }
        return f;
    }
}
