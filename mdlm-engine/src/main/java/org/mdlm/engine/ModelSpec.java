package org.mdlm.engine;

import java.util.Objects;
import org.mdlm.api.domain.Vocabulary;
import org.mdlm.api.model.Backbone;
import org.mdlm.api.model.Parameterization;
import org.mdlm.api.model.RouteContext;
import org.mdlm.api.schedule.NoiseSchedule;

/**
 * Everything that defines a model's graph: the network, the objective that owns the route from a
 * clean batch to a loss and to a denoiser output, the noise schedule, and the vocabulary layout.
 *
 * @param backbone the network (logits from tokens and sigma)
 * @param objective the parameterization: times, corruption, per-token loss, denoiser output
 * @param schedule the forward process's noise schedule
 * @param vocabulary the token layout (size, mask, pad)
 * @param description short identity stored in checkpoints, e.g. {@code "dit/subs/loglinear/text8"};
 *                    resuming or loading checks it
 */
public record ModelSpec(Backbone backbone, Parameterization objective, NoiseSchedule schedule, Vocabulary vocabulary,
                        String description) {

    /**
     * Validates the spec.
     *
     * @throws IllegalArgumentException if the description is blank or spans lines
     */
    public ModelSpec {
        Objects.requireNonNull(backbone, "backbone");
        Objects.requireNonNull(objective, "objective");
        Objects.requireNonNull(schedule, "schedule");
        Objects.requireNonNull(vocabulary, "vocabulary");
        Objects.requireNonNull(description, "description");
        if (description.isBlank() || description.contains("\n")) {
            throw new IllegalArgumentException("description must be a non-blank single line, got '"
                    + description + "'");
        }
    }

    /**
     * A spec over a plain vocabulary of {@code vocabSize} ids with mask {@code maskId}.
     *
     * @throws IllegalArgumentException if vocabSize &lt; 2 or maskId is out of range
     */
    public ModelSpec(Backbone backbone, Parameterization objective, NoiseSchedule schedule, int vocabSize, int maskId,
                     String description) {
        this(backbone, objective, schedule, Vocabulary.of(vocabSize, maskId), description);
    }

    /** Number of token ids including the mask. */
    public int vocabSize() {
        return vocabulary.size();
    }

    /** The mask id. */
    public int maskId() {
        return vocabulary.maskId();
    }

    /** The context of the objective's route, with smallest time {@code samplingEps}. */
    public RouteContext route(double samplingEps) {
        return new RouteContext(schedule, vocabulary, samplingEps, backbone.timeConditioned());
    }
}
