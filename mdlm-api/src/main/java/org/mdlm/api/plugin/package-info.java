/**
 * The plugin mechanism: the {@link org.mdlm.api.plugin.Provider} contract every extension point
 * shares, the {@link org.mdlm.api.plugin.ExtensionPoint} catalogue and the
 * {@link org.mdlm.api.plugin.PluginRegistry} that finds providers by short name.
 */
package org.mdlm.api.plugin;
