package org.mdlm.cli.finetune;

import java.util.List;
import java.util.Map;
import org.mdlm.engine.finetune.ClassificationTask;
import org.mdlm.engine.finetune.FineTuneConfig;

/**
 * What a fine-tune ran with, for its reports.
 *
 * @param checkpoint the checkpoint file
 * @param checkpointStep its training step
 * @param model its model description, e.g. {@code dit/subs/loglinear/dna}
 * @param weights {@code "ema"} or {@code "raw"}
 * @param task the task's rows
 * @param config the cross-validation settings
 * @param arms the initialisations, in run order, e.g. {@code ["pretrained", "scratch"]}
 * @param provenance where the numbers came from (plugins, code revision, machine)
 */
public record FineTuneSetup(String checkpoint, int checkpointStep, String model, String weights,
                            ClassificationTask task, FineTuneConfig config, List<String> arms,
                            Map<String, Object> provenance) {

    /** Copies the lists. */
    public FineTuneSetup {
        arms = List.copyOf(arms);
    }
}
