package org.mdlm.samplers.confidence;

import org.mdlm.api.sampling.Sampler;
import org.mdlm.api.sampling.SamplerProvider;

/**
 * Provides the confidence sampler {@code confidence} (MaskGIT / LLaDA style): reads clean-token
 * log-probs and unmasks, at every step, the scheduled number of positions whose drawn candidates
 * are the most probable.
 */
public final class ConfidenceProvider implements SamplerProvider<ConfidenceConfig> {

    /** Creates the provider (used by {@link java.util.ServiceLoader}). */
    public ConfidenceProvider() {
    }

    @Override
    public String name() {
        return "confidence";
    }

    @Override
    public String description() {
        return "confidence-ordered unmasking (MaskGIT/LLaDA): each step unmasks the scheduled number of most"
                + " confident candidates; optional remasking of low-confidence earlier choices";
    }

    @Override
    public Class<ConfidenceConfig> configType() {
        return ConfidenceConfig.class;
    }

    @Override
    public ConfidenceConfig defaultConfig() {
        return ConfidenceConfig.defaults();
    }

    @Override
    public Sampler create(ConfidenceConfig config) {
        return new ConfidenceSampler(config);
    }
}
