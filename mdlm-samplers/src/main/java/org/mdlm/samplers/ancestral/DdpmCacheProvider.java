package org.mdlm.samplers.ancestral;

/**
 * Provides the cached ancestral sampler {@code ddpm_cache}: the tokens of {@code ddpm}, evaluating
 * only the rows that changed since their last evaluation (no call when none did), when the
 * denoiser ignores the time.
 */
public final class DdpmCacheProvider extends AncestralProvider {

    /** Creates the provider (used by {@link java.util.ServiceLoader}). */
    public DdpmCacheProvider() {
        super("ddpm_cache", "ancestral sampling that reuses each row's p(x0|xt) while the row is unchanged "
                + "(time-independent denoisers)", true);
    }
}
