package org.mdlm.process.schedule;

import org.mdlm.api.schedule.NoiseSchedule;
import org.mdlm.api.schedule.NoiseScheduleProvider;

/** Provides the {@code "polynomial"} noise schedule ({@link PolynomialSchedule}). */
public final class PolynomialScheduleProvider implements NoiseScheduleProvider<PolynomialConfig> {

    /** The provider's short name. */
    public static final String NAME = "polynomial";

    /** Creates the provider (used by {@link java.util.ServiceLoader}). */
    public PolynomialScheduleProvider() {
    }

    /** {@inheritDoc} */
    @Override
    public String name() {
        return NAME;
    }

    /** {@inheritDoc} */
    @Override
    public String description() {
        return "polynomial schedule sigma(t) = -log1p(-(1-eps) t^k): mask probability (1-eps) t^k (k = 1: loglinear)";
    }

    /** {@inheritDoc} */
    @Override
    public Class<PolynomialConfig> configType() {
        return PolynomialConfig.class;
    }

    /** {@inheritDoc} Here {@code k = 2}, {@code eps = 1e-3}. */
    @Override
    public PolynomialConfig defaultConfig() {
        return PolynomialConfig.defaults();
    }

    /** {@inheritDoc} */
    @Override
    public NoiseSchedule create(PolynomialConfig config) {
        return new PolynomialSchedule(config);
    }
}
