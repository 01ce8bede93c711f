package org.mdlm.api.model;

import org.mdlm.api.plugin.Provider;

/**
 * Service interface for backbones (e.g. {@code "dit"}).
 *
 * @param <C> the backbone's config record
 */
public interface BackboneProvider<C extends Record> extends Provider<C, Backbone> {
}
