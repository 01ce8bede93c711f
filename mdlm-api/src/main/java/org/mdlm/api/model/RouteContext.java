package org.mdlm.api.model;

import java.util.Objects;
import org.mdlm.api.domain.Vocabulary;
import org.mdlm.api.schedule.NoiseSchedule;

/**
 * What an objective's route may read besides its own config: the run's noise schedule, the token
 * layout, the smallest diffusion time and whether the backbone sees sigma.
 *
 * @param schedule the forward process's noise schedule
 * @param vocabulary the token layout (size, mask, pad)
 * @param samplingEps smallest diffusion time, in (0, 1)
 * @param timeConditioned whether the backbone reads sigma
 */
public record RouteContext(NoiseSchedule schedule, Vocabulary vocabulary, double samplingEps,
                           boolean timeConditioned) {

    /** Validates the context. */
    public RouteContext {
        Objects.requireNonNull(schedule, "schedule");
        Objects.requireNonNull(vocabulary, "vocabulary");
        if (!(samplingEps > 0.0 && samplingEps < 1.0)) {
            throw new IllegalArgumentException("samplingEps must be in (0, 1), got " + samplingEps);
        }
    }
}
