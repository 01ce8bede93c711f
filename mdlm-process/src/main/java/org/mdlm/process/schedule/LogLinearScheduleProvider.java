package org.mdlm.process.schedule;

import org.mdlm.api.schedule.NoiseSchedule;
import org.mdlm.api.schedule.NoiseScheduleProvider;

/** Provides the {@code "loglinear"} noise schedule ({@link LogLinearSchedule}). */
public final class LogLinearScheduleProvider implements NoiseScheduleProvider<LogLinearConfig> {

    /** The provider's short name. */
    public static final String NAME = "loglinear";

    /** Creates the provider (used by {@link java.util.ServiceLoader}). */
    public LogLinearScheduleProvider() {
    }

    /** {@inheritDoc} */
    @Override
    public String name() {
        return NAME;
    }

    /** {@inheritDoc} */
    @Override
    public String description() {
        return "log-linear schedule sigma(t) = -log1p(-(1-eps) t): mask probability (1-eps) t";
    }

    /** {@inheritDoc} */
    @Override
    public Class<LogLinearConfig> configType() {
        return LogLinearConfig.class;
    }

    /** {@inheritDoc} Here {@code eps = 1e-3}. */
    @Override
    public LogLinearConfig defaultConfig() {
        return LogLinearConfig.defaults();
    }

    /** {@inheritDoc} */
    @Override
    public NoiseSchedule create(LogLinearConfig config) {
        return new LogLinearSchedule(config);
    }
}
