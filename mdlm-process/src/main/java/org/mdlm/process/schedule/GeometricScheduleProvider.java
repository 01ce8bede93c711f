package org.mdlm.process.schedule;

import org.mdlm.api.schedule.NoiseSchedule;
import org.mdlm.api.schedule.NoiseScheduleProvider;

/** Provides the {@code "geometric"} noise schedule ({@link GeometricSchedule}). */
public final class GeometricScheduleProvider implements NoiseScheduleProvider<GeometricConfig> {

    /** The provider's short name. */
    public static final String NAME = "geometric";

    /** Creates the provider (used by {@link java.util.ServiceLoader}). */
    public GeometricScheduleProvider() {
    }

    /** {@inheritDoc} */
    @Override
    public String name() {
        return NAME;
    }

    /** {@inheritDoc} */
    @Override
    public String description() {
        return "geometric schedule sigma(t) = sigma_min^(1-t) sigma_max^t (SEDD): mask probability 1 - exp(-sigma(t))";
    }

    /** {@inheritDoc} */
    @Override
    public Class<GeometricConfig> configType() {
        return GeometricConfig.class;
    }

    /** {@inheritDoc} Here {@code sigma_min = 1e-4}, {@code sigma_max = 20}. */
    @Override
    public GeometricConfig defaultConfig() {
        return GeometricConfig.defaults();
    }

    /** {@inheritDoc} */
    @Override
    public NoiseSchedule create(GeometricConfig config) {
        return new GeometricSchedule(config);
    }
}
