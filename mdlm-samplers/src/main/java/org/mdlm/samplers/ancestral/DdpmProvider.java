package org.mdlm.samplers.ancestral;

import org.mdlm.api.sampling.Sampler;
import org.mdlm.api.sampling.SamplerProvider;

/** Provides the ancestral sampler {@code ddpm} (one network call per step). */
public final class DdpmProvider implements SamplerProvider<AncestralConfig> {

    /** Creates the provider (used by {@link java.util.ServiceLoader}). */
    public DdpmProvider() {
    }

    /** {@inheritDoc} */
    @Override
    public String name() {
        return "ddpm";
    }

    /** {@inheritDoc} */
    @Override
    public String description() {
        return "ancestral sampling: masked tokens unmask from p(x0|xt) with prob (alpha(s)-alpha(t))/(1-alpha(t))";
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
        return new AncestralSampler(config, false);
    }
}
