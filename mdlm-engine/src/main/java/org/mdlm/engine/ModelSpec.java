package org.mdlm.engine;

import java.util.Objects;
import org.mdlm.api.model.Backbone;
import org.mdlm.api.model.Parameterization;
import org.mdlm.api.schedule.NoiseSchedule;

/**
 * Everything that defines a model's graph: the network, how its logits become log p(x0 | xt) and a
 * loss, the noise schedule, and the vocabulary layout.
 *
 * @param backbone the network (logits from tokens and sigma)
 * @param parameterization logits to log-probabilities and per-token loss (e.g. SUBS)
 * @param schedule the forward process's noise schedule
 * @param vocabSize number of token ids including the mask, at least 2
 * @param maskId id of the mask token, in [0, vocabSize)
 * @param description short identity stored in checkpoints, e.g. {@code "dit/subs/loglinear"};
 *                    resuming or loading checks it
 */
public record ModelSpec(Backbone backbone, Parameterization parameterization, NoiseSchedule schedule,
                        int vocabSize, int maskId, String description) {

    /**
     * Validates the spec.
     *
     * @throws IllegalArgumentException if vocabSize &lt; 2, maskId is out of range or description is blank
     */
    public ModelSpec {
        Objects.requireNonNull(backbone, "backbone");
        Objects.requireNonNull(parameterization, "parameterization");
        Objects.requireNonNull(schedule, "schedule");
        Objects.requireNonNull(description, "description");
        if (vocabSize < 2) {
            throw new IllegalArgumentException("vocabSize must be >= 2, got " + vocabSize);
        }
        if (maskId < 0 || maskId >= vocabSize) {
            throw new IllegalArgumentException("maskId must be in [0, " + (vocabSize - 1) + "], got " + maskId);
        }
        if (description.isBlank() || description.contains("\n")) {
            throw new IllegalArgumentException("description must be a non-blank single line, got '"
                    + description + "'");
        }
    }
}
