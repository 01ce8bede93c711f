package org.mdlm.api.plugin;

/**
 * What {@code mdlm plugins} shows for one provider.
 *
 * @param point the extension point it implements
 * @param name its short name
 * @param className its implementation class
 * @param source where it was loaded from (a jar or classes folder), or "unknown"
 * @param version the implementation version from its jar manifest, or "dev"
 * @param provider the provider itself
 */
public record ProviderInfo(ExtensionPoint point, String name, String className, String source, String version,
                           Provider<?, ?> provider) {
}
