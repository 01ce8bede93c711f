package org.mdlm.api.sampling;

import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import org.mdlm.api.model.Denoiser;
import org.mdlm.api.model.DenoiserOutputKind;

/** A reverse process: draws token sequences from a denoiser. */
public interface Sampler {

    /**
     * Draws {@code request.batch()} sequences. Positions of {@link SampleRequest#initial()} that do
     * not hold the mask id are fixed: no sampler changes them.
     *
     * @param denoiser the model (its schedule and output kind included)
     * @param request how many, how long, which seed, which positions are given
     * @param progress told after every step
     * @throws IllegalArgumentException if the denoiser's output kind is not one {@link #reads()}
     */
    SampleResult sample(Denoiser denoiser, SampleRequest request, SamplingProgress progress);

    /** The denoiser output kinds this sampler can read; checked when a pipeline is assembled. */
    default Set<DenoiserOutputKind> reads() {
        return EnumSet.of(DenoiserOutputKind.CLEAN_LOG_PROBS);
    }

    /**
     * Fails clearly when this sampler cannot read {@code denoiser}'s output.
     *
     * @throws IllegalArgumentException naming both kinds
     */
    default void checkReads(Denoiser denoiser) {
        if (!reads().contains(denoiser.kind())) {
            throw new IllegalArgumentException("this sampler reads " + labels(reads()) + " but the model gives "
                    + denoiser.kind().label());
        }
    }

    /**
     * Why this sampler cannot serve a model that gives {@code kind} and is (or is not)
     * time-conditioned, naming what to choose instead; empty when it can. Checked when a pipeline is
     * assembled, before any training. By default: the kind must be one this sampler {@link #reads()}.
     */
    default Optional<String> incompatibility(DenoiserOutputKind kind, boolean timeConditioned) {
        if (!reads().contains(kind)) {
            return Optional.of("it reads " + labels(reads()) + " but the model gives " + kind.label());
        }
        return Optional.empty();
    }

    private static String labels(Set<DenoiserOutputKind> kinds) {
        StringBuilder sb = new StringBuilder();
        for (DenoiserOutputKind k : kinds) {
            sb.append(sb.length() == 0 ? "" : " or ").append(k.label());
        }
        return sb.toString();
    }
}
