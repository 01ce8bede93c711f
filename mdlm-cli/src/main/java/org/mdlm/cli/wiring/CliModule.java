package org.mdlm.cli.wiring;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import org.mdlm.api.plugin.PluginRegistry;
import org.mdlm.cli.config.JsonMappers;
import org.mdlm.cli.plugins.PluginSet;

/** Binds what the commands share: the plugin registry and the JSON mapper. */
public final class CliModule extends AbstractModule {

    private final PluginSet plugins;

    /** Wires the CLI with the built-in providers and those of the given plugin jars. */
    public CliModule(PluginSet plugins) {
        this.plugins = plugins;
    }

    @Override
    protected void configure() {
        bind(PluginSet.class).toInstance(plugins);
    }

    @Provides
    @Singleton
    PluginRegistry registry() {
        return PluginRegistry.of(plugins.providers());
    }

    @Provides
    @Singleton
    ObjectMapper mapper() {
        return JsonMappers.create();
    }
}
