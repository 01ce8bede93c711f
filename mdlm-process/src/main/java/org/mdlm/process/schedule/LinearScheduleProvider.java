package org.mdlm.process.schedule;

import org.mdlm.api.schedule.NoiseSchedule;
import org.mdlm.api.schedule.NoiseScheduleProvider;

/** Provides the {@code "linear"} noise schedule ({@link LinearSchedule}). */
public final class LinearScheduleProvider implements NoiseScheduleProvider<LinearConfig> {

    /** The provider's short name. */
    public static final String NAME = "linear";

    /** Creates the provider (used by {@link java.util.ServiceLoader}). */
    public LinearScheduleProvider() {
    }

    /** {@inheritDoc} */
    @Override
    public String name() {
        return NAME;
    }

    /** {@inheritDoc} */
    @Override
    public String description() {
        return "linear schedule sigma(t) = sigma_min + t (sigma_max - sigma_min): mask probability 1 - exp(-sigma(t))";
    }

    /** {@inheritDoc} */
    @Override
    public Class<LinearConfig> configType() {
        return LinearConfig.class;
    }

    /** {@inheritDoc} Here {@code sigma_min = 0}, {@code sigma_max = 10}. */
    @Override
    public LinearConfig defaultConfig() {
        return LinearConfig.defaults();
    }

    /** {@inheritDoc} */
    @Override
    public NoiseSchedule create(LinearConfig config) {
        return new LinearSchedule(config);
    }
}
