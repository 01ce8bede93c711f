package org.mdlm.process.schedule;

import org.mdlm.api.schedule.NoiseSchedule;
import org.mdlm.api.schedule.NoiseScheduleProvider;

/** Provides the {@code "cosine2"} (cosine-squared) noise schedule ({@link CosineSquaredSchedule}). */
public final class CosineSquaredScheduleProvider implements NoiseScheduleProvider<CosineSquaredConfig> {

    /** The provider's short name. */
    public static final String NAME = "cosine2";

    /** Creates the provider (used by {@link java.util.ServiceLoader}). */
    public CosineSquaredScheduleProvider() {
    }

    /** {@inheritDoc} */
    @Override
    public String name() {
        return NAME;
    }

    /** {@inheritDoc} */
    @Override
    public String description() {
        return "cosine-squared schedule sigma(t) = -log(eps + (1-eps) cos^2(pi t/2)):"
                + " mask probability (1-eps) sin^2(pi t/2)";
    }

    /** {@inheritDoc} */
    @Override
    public Class<CosineSquaredConfig> configType() {
        return CosineSquaredConfig.class;
    }

    /** {@inheritDoc} Here {@code eps = 1e-3}. */
    @Override
    public CosineSquaredConfig defaultConfig() {
        return CosineSquaredConfig.defaults();
    }

    /** {@inheritDoc} */
    @Override
    public NoiseSchedule create(CosineSquaredConfig config) {
        return new CosineSquaredSchedule(config);
    }
}
