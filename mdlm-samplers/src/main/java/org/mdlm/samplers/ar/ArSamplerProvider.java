package org.mdlm.samplers.ar;

import org.mdlm.api.sampling.Sampler;
import org.mdlm.api.sampling.SamplerProvider;

/** Provides the left-to-right sampler {@code ar} for autoregressive models. */
public final class ArSamplerProvider implements SamplerProvider<ArSamplerConfig> {

    /** Creates the provider (used by {@link java.util.ServiceLoader}). */
    public ArSamplerProvider() {
    }

    @Override
    public String name() {
        return "ar";
    }

    @Override
    public String description() {
        return "left-to-right sampling of autoregressive models (temperature, top_p; fixed prefix tokens kept)";
    }

    @Override
    public Class<ArSamplerConfig> configType() {
        return ArSamplerConfig.class;
    }

    @Override
    public ArSamplerConfig defaultConfig() {
        return ArSamplerConfig.defaults();
    }

    @Override
    public Sampler create(ArSamplerConfig config) {
        return new ArSampler(config);
    }
}
