package org.mdlm.samplers.semiar;

import org.mdlm.api.sampling.Sampler;
import org.mdlm.api.sampling.SamplerProvider;

/**
 * Provides the semi-autoregressive sampler {@code semi_ar}: sequences of any length from a diffusion
 * model, window by window, each window keeping the previous one's last tokens as a fixed prefix.
 */
public final class SemiArProvider implements SamplerProvider<SemiArConfig> {

    /** Creates the provider (used by {@link java.util.ServiceLoader}). */
    public SemiArProvider() {
    }

    @Override
    public String name() {
        return "semi_ar";
    }

    @Override
    public String description() {
        return "semi-autoregressive sampling of any length: windows of the trained length, each keeping the last"
                + " L - stride tokens of the previous one as a prefix; inner ddpm, ddpm_cache or analytic";
    }

    @Override
    public Class<SemiArConfig> configType() {
        return SemiArConfig.class;
    }

    @Override
    public SemiArConfig defaultConfig() {
        return SemiArConfig.defaults();
    }

    @Override
    public Sampler create(SemiArConfig config) {
        return new SemiArSampler(config);
    }
}
