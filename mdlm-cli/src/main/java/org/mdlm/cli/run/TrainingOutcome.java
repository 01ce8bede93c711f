package org.mdlm.cli.run;

import java.util.Map;
import org.mdlm.engine.ModelSpec;
import org.mdlm.engine.TrainResult;

/**
 * What a training session produced.
 *
 * @param summary the numbers written to {@code summary.json}
 * @param result the engine's result (steps, last validation, newest checkpoint)
 * @param spec the model that was trained
 */
public record TrainingOutcome(Map<String, Object> summary, TrainResult result, ModelSpec spec) {
}
