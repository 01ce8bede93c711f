package org.mdlm.samplers.analytic;

import org.mdlm.api.sampling.Sampler;
import org.mdlm.api.sampling.SamplerProvider;

/**
 * Provides the analytic sampler {@code analytic}: SEDD's Tweedie tau-leaping predictor for the
 * absorbing process, reading log score ratios or clean-token log-probs.
 */
public final class AnalyticProvider implements SamplerProvider<AnalyticConfig> {

    /** Creates the provider (used by {@link java.util.ServiceLoader}). */
    public AnalyticProvider() {
    }

    @Override
    public String name() {
        return "analytic";
    }

    @Override
    public String description() {
        return "analytic (Tweedie tau-leaping) sampling of SEDD: staggered score times transposed transition;"
                + " reads log score ratios or clean-token log-probs";
    }

    @Override
    public Class<AnalyticConfig> configType() {
        return AnalyticConfig.class;
    }

    @Override
    public AnalyticConfig defaultConfig() {
        return AnalyticConfig.defaults();
    }

    @Override
    public Sampler create(AnalyticConfig config) {
        return new AnalyticSampler(config);
    }
}
