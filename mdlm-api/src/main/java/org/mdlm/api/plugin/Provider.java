package org.mdlm.api.plugin;

/**
 * A named factory for one component of a model pipeline, discovered with {@link java.util.ServiceLoader}.
 *
 * <p>A provider has a short, stable {@link #name()} (for example {@code "loglinear"} or {@code "dit"})
 * that configs and presets use to pick it, an immutable config record type with defaults, and a
 * factory method that turns one such record into a component.
 *
 * @param <C> the provider's own config record (validated in its constructor)
 * @param <T> the component type it creates
 */
public interface Provider<C extends Record, T> {

    /** Short lower-case name used in configs, presets and on the command line. */
    String name();

    /** One line for {@code mdlm plugins}. */
    default String description() {
        return "";
    }

    /** The record type this provider's config binds to. */
    Class<C> configType();

    /** The config used when a run names this provider without giving fields. */
    C defaultConfig();

    /** Creates the component from a validated config. */
    T create(C config);

    /**
     * Creates the component from a config record whose type was checked at run time.
     *
     * @throws PluginException if {@code config} is not of {@link #configType()}
     */
    default T createFromRecord(Record config) {
        if (!configType().isInstance(config)) {
            throw new PluginException("provider '" + name() + "' expects a config of type "
                    + configType().getSimpleName() + " but got "
                    + (config == null ? "null" : config.getClass().getSimpleName()));
        }
        return create(configType().cast(config));
    }
}
