package org.mdlm.samplers.ancestral;

import org.mdlm.api.sampling.Sampler;
import org.mdlm.api.sampling.SamplerProvider;

/**
 * Provides the cached ancestral sampler {@code ddpm_cache}: the tokens of {@code ddpm}, skipping
 * the network call when nothing changed and the denoiser ignores the time.
 */
public final class DdpmCacheProvider implements SamplerProvider<AncestralConfig> {

    /** Creates the provider (used by {@link java.util.ServiceLoader}). */
    public DdpmCacheProvider() {
    }

    /** {@inheritDoc} */
    @Override
    public String name() {
        return "ddpm_cache";
    }

    /** {@inheritDoc} */
    @Override
    public String description() {
        return "ancestral sampling that reuses p(x0|xt) while xt is unchanged (time-independent denoisers)";
    }

    /** {@inheritDoc} */
    @Override
    public Class<AncestralConfig> configType() {
        return AncestralConfig.class;
    }

    /** {@inheritDoc} */
    @Override
    public AncestralConfig defaultConfig() {
        return AncestralConfig.defaults();
    }

    /** {@inheritDoc} */
    @Override
    public Sampler create(AncestralConfig config) {
        return new AncestralSampler(config, true);
    }
}
