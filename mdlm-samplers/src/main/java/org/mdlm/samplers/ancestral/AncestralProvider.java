package org.mdlm.samplers.ancestral;

import org.mdlm.api.sampling.Sampler;
import org.mdlm.api.sampling.SamplerProvider;

/**
 * What {@code ddpm} and {@code ddpm_cache} share: the {@link AncestralConfig} record and an
 * {@link AncestralSampler}; they differ only in their name, description and the cache flag.
 */
abstract class AncestralProvider implements SamplerProvider<AncestralConfig> {

    private final String name;
    private final String description;
    private final boolean cache;

    AncestralProvider(String name, String description, boolean cache) {
        this.name = name;
        this.description = description;
        this.cache = cache;
    }

    @Override
    public final String name() {
        return name;
    }

    @Override
    public final String description() {
        return description;
    }

    @Override
    public final Class<AncestralConfig> configType() {
        return AncestralConfig.class;
    }

    @Override
    public final AncestralConfig defaultConfig() {
        return AncestralConfig.defaults();
    }

    @Override
    public final Sampler create(AncestralConfig config) {
        return new AncestralSampler(config, cache);
    }
}
