package org.mdlm.domains.text.synthetic;

import org.mdlm.api.domain.Domain;
import org.mdlm.api.domain.DomainProvider;

/** Provides the {@code "synthetic"} domain ({@link SyntheticDomain}). */
public final class SyntheticProvider implements DomainProvider<SyntheticConfig> {

    /** The provider's short name. */
    public static final String NAME = "synthetic";

    /** Creates the provider (used by {@link java.util.ServiceLoader}). */
    public SyntheticProvider() {
    }

    /** {@inheritDoc} */
    @Override
    public String name() {
        return NAME;
    }

    /** {@inheritDoc} */
    @Override
    public String description() {
        return "seeded Zipf tokens over any vocabulary size (default 8192), generated on demand; for benchmarks "
                + "and smoke tests";
    }

    /** {@inheritDoc} */
    @Override
    public Class<SyntheticConfig> configType() {
        return SyntheticConfig.class;
    }

    /** {@inheritDoc} */
    @Override
    public SyntheticConfig defaultConfig() {
        return SyntheticConfig.defaults();
    }

    /** {@inheritDoc} */
    @Override
    public Domain create(SyntheticConfig config) {
        return new SyntheticDomain(config);
    }
}
