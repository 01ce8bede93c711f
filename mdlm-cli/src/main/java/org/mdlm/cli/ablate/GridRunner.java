package org.mdlm.cli.ablate;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.mdlm.cli.wiring.UserErrors;

/**
 * Runs a grid's runs one after another in this process: a finished run is skipped, an interrupted
 * one resumes from its newest checkpoint, any other starts from step 0 (see {@link RunState}); a run
 * that throws is recorded as failed and the grid goes on. Before each run it prints the
 * {@link GridProgress} line; after each run it rewrites the tables and the plot in the grid folder.
 */
public final class GridRunner {

    private static final long STOP_GRACE_SECONDS = 150;

    /** Trains one run of the grid; the command supplies it (fresh, or resumed from the state's checkpoint). */
    @FunctionalInterface
    public interface Training {

        /**
         * Trains {@code run} from where {@code state} says it stands.
         *
         * @return true when the run reached its steps, false when it was stopped early (Ctrl-C)
         */
        boolean train(GridRun run, RunState state);
    }

    /**
     * How the grid ended.
     *
     * @param trained runs trained to their end in this invocation
     * @param skipped runs finished before
     * @param failed runs that threw
     * @param stopped true when a run was stopped early and the grid with it
     */
    public record Outcome(int trained, int skipped, int failed, boolean stopped) {
    }

    private final GridFolder folder;
    private final List<GridRun> runs;
    private final AblationTable table;
    private final Training training;
    private final ObjectMapper mapper;
    private final PrintWriter err;
    private final Map<GridRun, String> failures = new HashMap<>();
    private volatile boolean stopRequested;

    /** A runner of {@code runs} (in grid order) in {@code folder}, reporting to {@code err}. */
    public GridRunner(GridFolder folder, List<GridRun> runs, AblationTable table, Training training,
                      ObjectMapper mapper, PrintWriter err) {
        this.folder = folder;
        this.runs = List.copyOf(runs);
        this.table = table;
        this.training = training;
        this.mapper = mapper;
        this.err = err;
    }

    /**
     * Runs what is left of the grid and writes its outputs. Ctrl-C (or SIGTERM) stops the run in
     * progress at a checkpoint (the training session's own hook), then the grid: this runner's hook
     * keeps the JVM alive until the tables are written and the resume command is printed.
     */
    public Outcome run() {
        CountDownLatch ended = new CountDownLatch(1);
        Thread hook = new Thread(() -> {
            stopRequested = true;
            try {
                ended.await(STOP_GRACE_SECONDS, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "mdlm-ablate-stop");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            return runGrid();
        } finally {
            ended.countDown();
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // the JVM is exiting because of Ctrl-C; the grid has stopped
            }
        }
    }

    private Outcome runGrid() {
        List<RunState> states = runs.stream().map(r -> RunState.of(r.dir(), mapper)).toList();
        int toTrain = (int) states.stream().filter(s -> s.kind() != RunState.Kind.FINISHED).count();
        GridProgress progress = new GridProgress(runs.size());
        boolean stopped = false;
        boolean attempted = false;
        for (int i = 0; i < runs.size() && !stopped; i++) {
            GridRun run = runs.get(i);
            RunState state = states.get(i);
            if (state.kind() == RunState.Kind.FINISHED) {
                progress.skipped();
                err.println(progress.skipping(i + 1, run));
                continue;
            }
            if (stopRequested) {
                stopped = true;
                break;
            }
            err.println(progress.starting(i + 1, run, toTrain) + (state.kind() == RunState.Kind.RESUMABLE
                    ? " — resumes from step " + state.checkpointStep() : ""));
            err.flush();
            toTrain--;
            attempted = true;
            long start = System.nanoTime();
            try {
                if (training.train(run, state)) {
                    progress.done((System.nanoTime() - start) / 1e9);
                } else {
                    stopped = true;
                }
            } catch (RuntimeException | OutOfMemoryError e) {
                if (stopRequested) {
                    stopped = true;   // e.g. the run could not install its own hook: the JVM is shutting down
                } else {
                    progress.failed();
                    failures.put(run, message(e));
                    err.println("ablate: run " + (i + 1) + "/" + runs.size() + " (" + run.label() + ") failed:");
                    UserErrors.report(e, err);
                }
            }
            writeOutputs();
        }
        if (!attempted) {
            writeOutputs();   // every run was finished before: the tables as they stand
        }
        err.println("ablate: " + runs.size() + " runs: " + progress.counts() + "; tables in " + folder.path());
        if (stopped) {
            err.println("ablate: stopped; continue the grid with: mdlm ablate --resume " + folder.path());
        }
        err.flush();
        return new Outcome(progress.doneCount(), progress.skippedCount(), progress.failedCount(), stopped);
    }

    /** The results of every run as they stand: failures of this invocation, else read from the run folders. */
    public List<RunResult> results() {
        List<RunResult> out = new ArrayList<>();
        for (GridRun r : runs) {
            out.add(failures.containsKey(r) ? RunResult.failed(r, failures.get(r)) : RunResult.read(r, mapper));
        }
        return out;
    }

    private void writeOutputs() {
        List<RunResult> results = results();
        folder.writeText(AblationTable.CSV, table.csv(results));
        folder.writeText(AblationTable.MARKDOWN, table.markdown(results));
        try {
            AblationPlot.write(folder.path(), "ablation " + folder.path().getFileName() + ": validation during training",
                    results);
        } catch (IOException | RuntimeException e) {
            err.println("warning: could not draw " + AblationPlot.FILE + ": " + e);
        }
    }

    private static String message(Throwable e) {
        Throwable root = e;
        while (root.getMessage() == null && root.getCause() != null) {
            root = root.getCause();
        }
        return root.getMessage() != null ? root.getMessage() : root.getClass().getSimpleName();
    }
}
