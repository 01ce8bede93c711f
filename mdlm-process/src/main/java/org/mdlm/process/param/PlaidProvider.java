package org.mdlm.process.param;

import org.mdlm.api.model.Parameterization;
import org.mdlm.api.model.ParameterizationProvider;

/** Provides the {@code "plaid"} objective ({@link PlaidObjective}): Gaussian diffusion of learned embeddings. */
public final class PlaidProvider implements ParameterizationProvider<PlaidConfig> {

    /** The provider's short name. */
    public static final String NAME = "plaid";

    /** Creates the provider (used by {@link java.util.ServiceLoader}). */
    public PlaidProvider() {
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "Plaid: Gaussian diffusion of learned token embeddings, continuous-time variational bound "
                + "(needs a time-conditioned dit); sampler plaid";
    }

    @Override
    public Class<PlaidConfig> configType() {
        return PlaidConfig.class;
    }

    @Override
    public PlaidConfig defaultConfig() {
        return PlaidConfig.defaults();
    }

    @Override
    public Parameterization create(PlaidConfig config) {
        return new PlaidObjective(config);
    }
}
