package org.mdlm.api.sampling;

import org.mdlm.api.model.Denoiser;
import org.mdlm.api.schedule.NoiseSchedule;

/** A reverse process: draws token sequences from a denoiser. */
public interface Sampler {

    /**
     * Draws {@code request.batch()} sequences.
     *
     * @param denoiser the model
     * @param schedule the noise schedule the model was trained with
     * @param request how many, how long, which seed
     * @param progress told after every step
     */
    SampleResult sample(Denoiser denoiser, NoiseSchedule schedule, SampleRequest request, SamplingProgress progress);
}
