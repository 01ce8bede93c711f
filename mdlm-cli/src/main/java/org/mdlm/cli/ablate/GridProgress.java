package org.mdlm.cli.ablate;

import java.util.Locale;

/**
 * The grid's progress line, e.g. {@code ablate: run 5/12 (parameterization.type=ar, seed 1) — 4 done,
 * 1 skipped — ETA 23 min}: the ETA is the mean wall time of the runs trained in this invocation times
 * the runs still to train (this one included); before the first finishes it is unknown.
 */
public final class GridProgress {

    private final int total;
    private int done;
    private int skipped;
    private int failed;
    private double trainedSeconds;

    /** Progress over a grid of {@code total} runs. */
    public GridProgress(int total) {
        this.total = total;
    }

    /** Counts a run that was finished before this invocation. */
    public void skipped() {
        skipped++;
    }

    /** Counts a run trained to its end in {@code seconds}. */
    public void done(double seconds) {
        done++;
        trainedSeconds += seconds;
    }

    /** Counts a run that failed. */
    public void failed() {
        failed++;
    }

    /** Runs trained to their end in this invocation. */
    public int doneCount() {
        return done;
    }

    /** Runs skipped as finished before. */
    public int skippedCount() {
        return skipped;
    }

    /** Runs that failed. */
    public int failedCount() {
        return failed;
    }

    /**
     * The line printed when run {@code position} (1-based) starts.
     *
     * @param toTrain runs still to train, this one included (finished runs ahead excluded)
     */
    public String starting(int position, GridRun run, int toTrain) {
        return String.format(Locale.ROOT, "ablate: run %d/%d (%s) — %s — %s", position, total, run.label(), counts(),
                eta(toTrain));
    }

    /** The line printed for run {@code position} when it was finished before. */
    public String skipping(int position, GridRun run) {
        return String.format(Locale.ROOT, "ablate: run %d/%d (%s) finished before — skipped", position, total,
                run.label());
    }

    /** E.g. "4 done, 1 skipped" (and ", 1 failed" when some failed). */
    public String counts() {
        return done + " done, " + skipped + " skipped" + (failed > 0 ? ", " + failed + " failed" : "");
    }

    private String eta(int toTrain) {
        if (done == 0) {
            return "ETA unknown until a run finishes";
        }
        return "ETA " + duration(trainedSeconds / done * toTrain);
    }

    /** E.g. "40 s", "23 min", "2 h 05 min". */
    public static String duration(double seconds) {
        long s = Math.max(0, Math.round(seconds));
        if (s < 60) {
            return s + " s";
        }
        long min = Math.round(s / 60.0);
        return min < 60 ? min + " min" : String.format(Locale.ROOT, "%d h %02d min", min / 60, min % 60);
    }
}
