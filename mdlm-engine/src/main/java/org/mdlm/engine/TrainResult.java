package org.mdlm.engine;

import java.nio.file.Path;

/**
 * What a finished (or stopped) training run reports.
 *
 * @param steps completed optimizer steps in total (including those before a resume)
 * @param trainTokens training tokens consumed in total
 * @param valNatsPerToken the last validation NELBO (EMA weights), NaN if none was measured
 * @param lastCheckpoint the checkpoint written last (never null after a run)
 */
public record TrainResult(int steps, long trainTokens, double valNatsPerToken, Path lastCheckpoint) {
}
