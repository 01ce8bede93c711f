package org.mdlm.process.param;

import org.mdlm.api.model.Parameterization;
import org.mdlm.api.model.ParameterizationProvider;

/** Provides the {@code "sedd"} objective ({@link SeddObjective}). */
public final class SeddProvider implements ParameterizationProvider<SeddConfig> {

    /** The provider's short name. */
    public static final String NAME = "sedd";

    /** Creates the provider (used by {@link java.util.ServiceLoader}). */
    public SeddProvider() {
    }

    /** {@inheritDoc} */
    @Override
    public String name() {
        return NAME;
    }

    /** {@inheritDoc} */
    @Override
    public String description() {
        return "SEDD absorbing: log score ratios trained with the score entropy, constant term included (a bound on the NLL)";
    }

    /** {@inheritDoc} */
    @Override
    public Class<SeddConfig> configType() {
        return SeddConfig.class;
    }

    /** {@inheritDoc} Here negInfinity = -1e6. */
    @Override
    public SeddConfig defaultConfig() {
        return SeddConfig.defaults();
    }

    /** {@inheritDoc} */
    @Override
    public Parameterization create(SeddConfig config) {
        return new SeddObjective(config);
    }
}
