package org.mdlm.process.param;

import org.mdlm.api.model.Parameterization;
import org.mdlm.api.model.ParameterizationProvider;

/** Provides the {@code "d3pm"} objective ({@link D3pmObjective}). */
public final class D3pmProvider implements ParameterizationProvider<D3pmConfig> {

    /** The provider's short name. */
    public static final String NAME = "d3pm";

    /** Creates the provider (used by {@link java.util.ServiceLoader}). */
    public D3pmProvider() {
    }

    /** {@inheritDoc} */
    @Override
    public String name() {
        return NAME;
    }

    /** {@inheritDoc} */
    @Override
    public String description() {
        return "absorbing D3PM: discrete-time chain of T steps, full KL terms, no zero masking (MDLM paper's baseline)";
    }

    /** {@inheritDoc} */
    @Override
    public Class<D3pmConfig> configType() {
        return D3pmConfig.class;
    }

    /** {@inheritDoc} Here T = 1000. */
    @Override
    public D3pmConfig defaultConfig() {
        return D3pmConfig.defaults();
    }

    /** {@inheritDoc} */
    @Override
    public Parameterization create(D3pmConfig config) {
        return new D3pmObjective(config);
    }
}
