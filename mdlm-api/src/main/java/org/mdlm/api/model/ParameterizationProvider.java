package org.mdlm.api.model;

import org.mdlm.api.plugin.Provider;

/**
 * Service interface for parameterizations (e.g. {@code "subs"}).
 *
 * @param <C> the parameterization's config record
 */
public interface ParameterizationProvider<C extends Record> extends Provider<C, Parameterization> {
}
