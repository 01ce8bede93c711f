package org.mdlm.process.param;

import org.mdlm.api.model.Parameterization;
import org.mdlm.api.model.ParameterizationProvider;

/** Provides the {@code "ar"} objective ({@link ArObjective}): the autoregressive baseline. */
public final class ArProvider implements ParameterizationProvider<ArConfig> {

    /** The provider's short name. */
    public static final String NAME = "ar";

    /** Creates the provider (used by {@link java.util.ServiceLoader}). */
    public ArProvider() {
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "autoregressive baseline: causal backbone, next-token cross-entropy (exact NLL), left-to-right sampling";
    }

    @Override
    public Class<ArConfig> configType() {
        return ArConfig.class;
    }

    @Override
    public ArConfig defaultConfig() {
        return ArConfig.defaults();
    }

    @Override
    public Parameterization create(ArConfig config) {
        return new ArObjective(config);
    }
}
