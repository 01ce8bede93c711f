package org.mdlm.process.schedule;

import org.mdlm.api.schedule.NoiseSchedule;
import org.mdlm.api.schedule.NoiseScheduleProvider;

/** Provides the {@code "cosine"} noise schedule ({@link CosineSchedule}). */
public final class CosineScheduleProvider implements NoiseScheduleProvider<CosineConfig> {

    /** The provider's short name. */
    public static final String NAME = "cosine";

    /** Creates the provider (used by {@link java.util.ServiceLoader}). */
    public CosineScheduleProvider() {
    }

    /** {@inheritDoc} */
    @Override
    public String name() {
        return NAME;
    }

    /** {@inheritDoc} */
    @Override
    public String description() {
        return "cosine schedule sigma(t) = -log(eps + (1-eps) cos(pi t/2)): mask probability (1-eps)(1 - cos(pi t/2))";
    }

    /** {@inheritDoc} */
    @Override
    public Class<CosineConfig> configType() {
        return CosineConfig.class;
    }

    /** {@inheritDoc} Here {@code eps = 1e-3}. */
    @Override
    public CosineConfig defaultConfig() {
        return CosineConfig.defaults();
    }

    /** {@inheritDoc} */
    @Override
    public NoiseSchedule create(CosineConfig config) {
        return new CosineSchedule(config);
    }
}
