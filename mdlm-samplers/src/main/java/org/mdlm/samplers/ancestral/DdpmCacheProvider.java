package org.mdlm.samplers.ancestral;

/**
 * Provides the cached ancestral sampler {@code ddpm_cache}: the tokens of {@code ddpm}, skipping
 * the network call when nothing changed and the denoiser ignores the time.
 */
public final class DdpmCacheProvider extends AncestralProvider {

    /** Creates the provider (used by {@link java.util.ServiceLoader}). */
    public DdpmCacheProvider() {
        super("ddpm_cache", "ancestral sampling that reuses p(x0|xt) while xt is unchanged (time-independent denoisers)",
                true);
    }
}
