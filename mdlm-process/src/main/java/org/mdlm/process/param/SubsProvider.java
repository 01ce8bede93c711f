package org.mdlm.process.param;

import org.mdlm.api.model.Parameterization;
import org.mdlm.api.model.ParameterizationProvider;

/** Provides the {@code "subs"} parameterization ({@link SubsParameterization}). */
public final class SubsProvider implements ParameterizationProvider<SubsConfig> {

    /** The provider's short name. */
    public static final String NAME = "subs";

    /** Creates the provider (used by {@link java.util.ServiceLoader}). */
    public SubsProvider() {
    }

    /** {@inheritDoc} */
    @Override
    public String name() {
        return NAME;
    }

    /** {@inheritDoc} */
    @Override
    public String description() {
        return "MDLM SUBS: zero masking probability, carry-over unmasking, continuous-time NELBO";
    }

    /** {@inheritDoc} */
    @Override
    public Class<SubsConfig> configType() {
        return SubsConfig.class;
    }

    /** {@inheritDoc} Here {@code negInfinity = -1e6}. */
    @Override
    public SubsConfig defaultConfig() {
        return SubsConfig.defaults();
    }

    /** {@inheritDoc} */
    @Override
    public Parameterization create(SubsConfig config) {
        return new SubsParameterization(config);
    }
}
