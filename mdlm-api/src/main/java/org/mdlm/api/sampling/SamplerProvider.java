package org.mdlm.api.sampling;

import org.mdlm.api.plugin.Provider;

/**
 * Service interface for samplers (e.g. {@code "ddpm"}, {@code "ddpm_cache"}).
 *
 * @param <C> the sampler's config record
 */
public interface SamplerProvider<C extends Record> extends Provider<C, Sampler> {
}
