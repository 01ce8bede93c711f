package org.mdlm.cli.commands;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.inject.Inject;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.mdlm.api.plugin.PluginException;
import org.mdlm.cli.ablate.AblationGrid;
import org.mdlm.cli.ablate.AblationTable;
import org.mdlm.cli.ablate.GridCell;
import org.mdlm.cli.ablate.GridDefinition;
import org.mdlm.cli.ablate.GridFolder;
import org.mdlm.cli.ablate.GridRun;
import org.mdlm.cli.ablate.GridRunner;
import org.mdlm.cli.ablate.RunState;
import org.mdlm.cli.config.ConfigException;
import org.mdlm.cli.config.ConfigResolver;
import org.mdlm.cli.config.ResolvedConfig;
import org.mdlm.cli.wiring.UserErrors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code mdlm ablate}: train a grid of runs (axes x variants x seeds) and write a paper-style table. */
@Command(name = "ablate", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Train a grid of runs and write a paper-style table.",
                "Cells: the cartesian product of the --vary axes and of the variant axis (the --variant rows and the"
                        + " baseline row); each cell runs --seeds times. --preset, --set and --data apply to every"
                        + " cell. The runs go one after another in this process, each in its run folder",
                "  DIR/KEY=VALUE/.../VARIANT/seed-N",
                "Resumable: the same command again, or --resume DIR, continues the grid. Finished runs"
                        + " (summary.json at train.steps) are skipped, interrupted ones resume from their newest"
                        + " checkpoint as `mdlm train --resume` does, others start again. Another grid in the same"
                        + " --out is refused.",
                "Writes into DIR, after every run: grid.json (the grid's definition), ablation.csv (a line per"
                        + " run), ablation.md (a row per cell: mean ± std over seeds), ablation.png (validation"
                        + " curves).",
                "A run that fails is recorded as failed and the grid goes on; the exit code is then 1"
                        + " (2 for bad input, nothing run)."},
        footer = {"", "Examples:",
                "  mdlm ablate --preset text8-standin --seeds 3 \\",
                "      --vary parameterization.type=subs,ar",
                "  mdlm ablate --vary train.lr=0.001,0.0003 --vary model.hidden=64,128",
                "  mdlm ablate --variant \"time-cond:model.time_conditioning=true\" \\",
                "      --variant \"fast:train.lr=0.001;train.warmup_steps=20\"",
                "  mdlm ablate --resume runs/ablate-tiny-20240101-120000"})
public final class AblateCommand implements Callable<Integer> {

    private static final List<String> GRID_OPTIONS = List.of("--preset", "--set", "--data", "--vary", "--variant",
            "--no-baseline", "--seeds", "--out");

    @Mixin
    ConfigOptions config;
    @Option(names = "--vary", paramLabel = "KEY=V1,V2,...",
            description = {"Vary one config key (any dotted key, as for --set) over comma-separated values, e.g."
                    + " train.lr=0.001,0.0003 or parameterization.type=subs,ar. Repeatable: several give their"
                    + " cartesian product. A value cannot contain a comma."})
    List<String> vary = new ArrayList<>();
    @Option(names = "--variant", paramLabel = "LABEL:KEY=VALUE[;KEY=VALUE...]",
            description = {"A named row that changes one or more keys at once, e.g."
                    + " \"no carry-over:parameterization.carry_over=false\". Repeatable. The variants and the baseline"
                    + " row (the preset unchanged) form one more axis. The label ends at the first ':';"
                    + " overrides are separated by ';'."})
    List<String> variants = new ArrayList<>();
    @Option(names = "--no-baseline", description = "Leave the baseline row out of the variant axis.")
    boolean noBaseline;
    @Option(names = "--seeds", paramLabel = "N", defaultValue = "1",
            description = {"Runs per cell (default: ${DEFAULT-VALUE}), with train.seed = s, s+1, ..., s+N-1, where s"
                    + " is the cell's own train.seed from the preset, --set and --vary (0 in the shipped presets)."})
    int seeds;
    @Option(names = "--out", paramLabel = "DIR",
            description = {"Grid folder (default: runs/ablate-<preset>-<date-time>). A folder holding this same grid"
                    + " is continued; one holding another grid is refused."})
    Path out;
    @Option(names = "--resume", paramLabel = "DIR",
            description = {"Continue the grid recorded in DIR/grid.json, exactly as it was defined; give no other"
                    + " grid option with it."})
    Path resume;
    @Spec
    CommandSpec spec;

    private final TrainingLauncher launcher;
    private final ConfigResolver resolver;
    private final ObjectMapper mapper;

    /** Creates the command. */
    @Inject
    public AblateCommand(TrainingLauncher launcher, ConfigResolver resolver, ObjectMapper mapper) {
        this.launcher = launcher;
        this.resolver = resolver;
        this.mapper = mapper;
    }

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        GridDefinition def;
        Path dir;
        if (resume != null) {
            List<String> given = GRID_OPTIONS.stream().filter(o -> spec.commandLine().getParseResult()
                    .hasMatchedOption(o)).toList();
            if (!given.isEmpty()) {
                throw new ConfigException("--resume continues the grid recorded in " + resume + "/"
                        + GridFolder.DEFINITION + " as it is; leave out " + String.join(", ", given)
                        + " (to run another grid, give it another --out)");
            }
            def = GridFolder.readDefinition(resume, mapper);
            dir = resume;
        } else {
            def = new GridDefinition(config.preset, config.allOverrides(), vary, variants, !noBaseline, seeds);
            dir = out != null ? out : Path.of("runs", "ablate-" + config.preset + "-"
                    + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")));
        }
        AblationGrid grid = AblationGrid.of(def);
        ResolvedConfig base = resolve(def, List.of(), "the preset with --set");
        Map<GridCell, Long> baseSeeds = new HashMap<>();
        for (GridCell cell : grid.cells()) {   // every cell's config is checked before anything is written
            baseSeeds.put(cell, resolve(def, cell.overrides(), "cell '" + cell.label() + "'").train().seed());
        }
        List<GridRun> runs = grid.runs(dir, def.seeds(), baseSeeds::get);
        try (GridFolder folder = GridFolder.open(dir, def, grid, runs, mapper)) {
            err.printf("ablate: grid folder %s: %d cell(s) x %d seed(s) = %d run(s)%n", dir, grid.cells().size(),
                    def.seeds(), runs.size());
            AblationTable table = new AblationTable(def, grid.axes(), AblationTable.budget(base.train()));
            GridRunner runner = new GridRunner(folder, runs, table, (run, state) -> train(def, run, state, err),
                    mapper, err);
            GridRunner.Outcome outcome = runner.run();
            PrintWriter stdout = spec.commandLine().getOut();
            stdout.print(table.markdown(runner.results()));
            stdout.println();
            stdout.println("grid folder: " + dir);
            return outcome.failed() > 0 || outcome.stopped() ? UserErrors.FAILURE : 0;
        }
    }

    private ResolvedConfig resolve(GridDefinition def, List<String> cellOverrides, String what) {
        List<String> all = new ArrayList<>(def.overrides());
        all.addAll(cellOverrides);
        try {
            return resolver.resolve(def.preset(), all);
        } catch (ConfigException | PluginException e) {
            throw new ConfigException(what + ": " + e.getMessage(), e);
        }
    }

    /** Trains one run: resumed from its newest checkpoint, or from step 0 replacing what its folder holds. */
    private boolean train(GridDefinition def, GridRun run, RunState state, PrintWriter err) {
        List<String> overrides = new ArrayList<>(def.overrides());
        overrides.addAll(run.overrides());
        boolean resuming = state.kind() == RunState.Kind.RESUMABLE;
        try (TrainingLauncher.Launched l = resuming
                ? launcher.launch(null, List.of(), null, false, run.dir(), null, "ablate", err)
                : launcher.launch(def.preset(), overrides, run.dir(), true, null, null, "ablate", err)) {
            return l.outcome().result().steps() >= l.config().train().steps();
        }
    }
}
