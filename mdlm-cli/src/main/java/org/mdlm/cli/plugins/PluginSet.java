package org.mdlm.cli.plugins;

import java.nio.file.Path;
import java.util.List;
import org.mdlm.api.plugin.Provider;

/**
 * The providers available to one invocation: the built-in ones and those of every plugin jar.
 *
 * @param providers every provider, built-in first, then jar by jar
 * @param jars the plugin jars loaded, with their class loaders
 */
public record PluginSet(List<Provider<?, ?>> providers, List<PluginJar> jars) {

    /**
     * One loaded plugin jar.
     *
     * @param path the jar file
     * @param loader the class loader that holds only this jar (its parent is mdlm's own)
     * @param providerCount how many providers it contributed
     */
    public record PluginJar(Path path, ClassLoader loader, int providerCount) {
    }
}
