package org.mdlm.api.domain;

import org.mdlm.api.plugin.Provider;

/**
 * Service interface for domains (e.g. {@code "text8"}).
 *
 * @param <C> the domain's config record
 */
public interface DomainProvider<C extends Record> extends Provider<C, Domain> {
}
