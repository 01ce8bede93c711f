package org.mdlm.samplers.gaussian;

import org.mdlm.api.sampling.Sampler;
import org.mdlm.api.sampling.SamplerProvider;

/** Provides the embedding-space sampler {@code plaid} for Plaid models. */
public final class PlaidSamplerProvider implements SamplerProvider<PlaidSamplerConfig> {

    /** Creates the provider (used by {@link java.util.ServiceLoader}). */
    public PlaidSamplerProvider() {
    }

    @Override
    public String name() {
        return "plaid";
    }

    @Override
    public String description() {
        return "ancestral Gaussian sampling in embedding space for plaid models, rounding to tokens at the end "
                + "(steps, temperature, top_p; fixed tokens kept)";
    }

    @Override
    public Class<PlaidSamplerConfig> configType() {
        return PlaidSamplerConfig.class;
    }

    @Override
    public PlaidSamplerConfig defaultConfig() {
        return PlaidSamplerConfig.defaults();
    }

    @Override
    public Sampler create(PlaidSamplerConfig config) {
        return new PlaidSampler(config);
    }
}
