package org.mdlm.api.plugin;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.TreeSet;

/**
 * The one place where providers are looked up by extension point and short name.
 *
 * <p>Providers are discovered once, with {@link ServiceLoader}, through the given class loader
 * (module-info {@code provides} on the module path, {@code META-INF/services} on the class path).
 * An unknown name fails with the list of names available; two providers of one extension point
 * with the same name fail naming both classes and their sources.
 */
public final class PluginRegistry {

    private final Map<ExtensionPoint, Map<String, ProviderInfo>> byPoint = new LinkedHashMap<>();

    private PluginRegistry(Map<ExtensionPoint, List<Provider<?, ?>>> found) {
        for (ExtensionPoint point : ExtensionPoint.all()) {
            Map<String, ProviderInfo> named = new LinkedHashMap<>();
            for (Provider<?, ?> p : found.getOrDefault(point, List.of())) {
                ProviderInfo info = describe(point, p);
                ProviderInfo previous = named.putIfAbsent(p.name(), info);
                if (previous != null) {
                    throw new PluginException("two " + point.label() + " providers are named '" + p.name() + "': "
                            + previous.className() + " (" + previous.source() + ") and " + info.className()
                            + " (" + info.source() + "); remove one of the jars or rename one provider");
                }
            }
            byPoint.put(point, named);
        }
    }

    /** Discovers every provider visible to {@code loader}. */
    public static PluginRegistry load(ClassLoader loader) {
        return of(discover(loader));
    }

    /**
     * Lists every provider of every extension point that {@link ServiceLoader} finds through
     * {@code loader} (its parents included), in extension-point order.
     *
     * @throws PluginException if a declared provider cannot be instantiated
     */
    public static List<Provider<?, ?>> discover(ClassLoader loader) {
        List<Provider<?, ?>> list = new ArrayList<>();
        for (ExtensionPoint point : ExtensionPoint.all()) {
            try {
                for (Object p : ServiceLoader.load(point.providerType(), loader)) {
                    list.add((Provider<?, ?>) p);
                }
            } catch (ServiceConfigurationError | LinkageError e) {
                throw new PluginException("could not load a " + point.label() + " provider: " + e.getMessage(), e);
            }
        }
        return list;
    }

    /** Discovers the providers visible to this class's own class loader. */
    public static PluginRegistry loadDefault() {
        return load(PluginRegistry.class.getClassLoader());
    }

    /** Builds a registry from explicit providers (tests, embedding). */
    public static PluginRegistry of(List<? extends Provider<?, ?>> providers) {
        Map<ExtensionPoint, List<Provider<?, ?>>> found = new LinkedHashMap<>();
        for (Provider<?, ?> p : providers) {
            ExtensionPoint point = pointOf(p);
            found.computeIfAbsent(point, k -> new ArrayList<>()).add(p);
        }
        return new PluginRegistry(found);
    }

    /**
     * Finds the provider of {@code point} called {@code name}.
     *
     * @throws PluginException naming the names available when there is none
     */
    public <P extends Provider<?, ?>> P find(ExtensionPoint point, String name, Class<P> type) {
        Map<String, ProviderInfo> named = byPoint.getOrDefault(point, Map.of());
        ProviderInfo info = named.get(name);
        if (info == null) {
            throw new PluginException("unknown " + point.label() + " '" + name + "'; available: "
                    + (named.isEmpty() ? "(none installed)" : String.join(", ", new TreeSet<>(named.keySet())))
                    + ". Pick one of these, or add the jar that provides it to the plugins folder.");
        }
        return type.cast(info.provider());
    }

    /** Finds the provider of {@code point} called {@code name}, typed by the extension point. */
    public Provider<?, ?> find(ExtensionPoint point, String name) {
        return find(point, name, Provider.class);
    }

    /** The names of one extension point's providers, sorted. */
    public List<String> names(ExtensionPoint point) {
        return List.copyOf(new TreeSet<>(byPoint.getOrDefault(point, Map.of()).keySet()));
    }

    /** Every provider, grouped by extension point in {@link ExtensionPoint#all()} order. */
    public List<ProviderInfo> all() {
        List<ProviderInfo> out = new ArrayList<>();
        for (Map<String, ProviderInfo> named : byPoint.values()) {
            List<ProviderInfo> sorted = new ArrayList<>(named.values());
            sorted.sort((a, b) -> a.name().compareTo(b.name()));
            out.addAll(sorted);
        }
        return Collections.unmodifiableList(out);
    }

    private static ExtensionPoint pointOf(Provider<?, ?> p) {
        for (ExtensionPoint point : ExtensionPoint.all()) {
            if (point.providerType().isInstance(p)) {
                return point;
            }
        }
        throw new PluginException(p.getClass().getName() + " implements no known extension point");
    }

    private static ProviderInfo describe(ExtensionPoint point, Provider<?, ?> p) {
        Class<?> c = p.getClass();
        String source = "unknown";
        CodeSource cs = c.getProtectionDomain() == null ? null : c.getProtectionDomain().getCodeSource();
        if (cs != null && cs.getLocation() != null) {
            try {
                source = Path.of(cs.getLocation().toURI()).toString();
            } catch (URISyntaxException | IllegalArgumentException e) {
                source = cs.getLocation().toString();
            }
        }
        String version = c.getPackage() == null ? null : c.getPackage().getImplementationVersion();
        return new ProviderInfo(point, p.name(), c.getName(), source, version == null ? "dev" : version, p);
    }
}
