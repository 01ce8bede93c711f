package org.mdlm.cli.plugins;

import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import org.mdlm.api.plugin.PluginException;
import org.mdlm.api.plugin.PluginRegistry;
import org.mdlm.api.plugin.Provider;

/**
 * Loads the jars of plugin folders, each in its own class loader whose parent is mdlm's, and
 * collects the providers each jar declares in {@code META-INF/services}. A jar that cannot be
 * opened or instantiated, or that declares no provider, fails with a message naming the jar.
 */
public final class PluginJarLoader {

    private PluginJarLoader() {
    }

    /** The built-in providers plus those of every jar in {@code folders}. */
    public static PluginSet load(ClassLoader parent, List<Path> folders) {
        List<Provider<?, ?>> providers = new ArrayList<>(PluginRegistry.discover(parent));
        List<PluginSet.PluginJar> jars = new ArrayList<>();
        for (Path folder : folders) {
            for (Path jar : jarsIn(folder)) {
                PluginSet.PluginJar loaded = loadJar(parent, jar, providers);
                jars.add(loaded);
            }
        }
        return new PluginSet(List.copyOf(providers), List.copyOf(jars));
    }

    private static PluginSet.PluginJar loadJar(ClassLoader parent, Path jar, List<Provider<?, ?>> into) {
        try (JarFile ignored = new JarFile(jar.toFile())) {
            // opened once to report a corrupt archive clearly
        } catch (IOException e) {
            throw new PluginException("plugin jar " + jar + " is not a readable jar (" + e.getMessage()
                    + "); remove it from the plugins folder or rebuild it");
        }
        URLClassLoader loader;
        try {
            loader = new URLClassLoader("mdlm-plugin:" + jar.getFileName(), new URL[] {jar.toUri().toURL()}, parent);
        } catch (MalformedURLException e) {
            throw new PluginException("plugin jar " + jar + " has an unusable path: " + e.getMessage());
        }
        List<Provider<?, ?>> own = new ArrayList<>();
        try {
            for (Provider<?, ?> p : PluginRegistry.discover(loader)) {
                if (p.getClass().getClassLoader() == loader) {
                    own.add(p);
                }
            }
        } catch (PluginException | LinkageError e) {
            throw new PluginException("plugin jar " + jar + " could not be loaded: " + e.getMessage()
                    + "; rebuild it against this version of mdlm-api or remove it from the plugins folder", e);
        }
        if (own.isEmpty()) {
            throw new PluginException("plugin jar " + jar + " provides no mdlm plugins: it has no META-INF/services entry"
                    + " for an org.mdlm.api ...Provider interface; add one (see README, 'Writing a plugin')"
                    + " or remove the jar from the plugins folder");
        }
        into.addAll(own);
        return new PluginSet.PluginJar(jar, loader, own.size());
    }

    private static List<Path> jarsIn(Path folder) {
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(p -> p.getFileName().toString().endsWith(".jar")).sorted().toList();
        } catch (IOException e) {
            throw new PluginException("cannot list plugin folder " + folder + ": " + e.getMessage());
        }
    }
}
