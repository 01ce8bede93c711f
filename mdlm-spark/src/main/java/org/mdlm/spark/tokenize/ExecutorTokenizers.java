package org.mdlm.spark.tokenize;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.mdlm.api.domain.Tokenizer;
import org.mdlm.api.domain.TokenizerProvider;
import org.mdlm.api.plugin.ExtensionPoint;
import org.mdlm.api.plugin.PluginRegistry;

/**
 * The tokenizers of this JVM by name, each looked up once in the plugin registry (through the task's
 * class loader, so plugin jars shipped with {@code spark-submit --jars} are found) and shared by the
 * JVM's tasks: tokenizers are immutable.
 */
final class ExecutorTokenizers {

    private static final Map<String, Tokenizer> BY_NAME = new ConcurrentHashMap<>();

    private ExecutorTokenizers() {
    }

    /**
     * The tokenizer named {@code name}.
     *
     * @throws org.mdlm.api.plugin.PluginException when there is none (the message lists them)
     */
    static Tokenizer get(String name) {
        return BY_NAME.computeIfAbsent(name, n -> {
            ClassLoader loader = Thread.currentThread().getContextClassLoader();
            PluginRegistry registry = PluginRegistry.load(loader != null ? loader
                    : ExecutorTokenizers.class.getClassLoader());
            TokenizerProvider<?> p = registry.find(ExtensionPoint.TOKENIZER, n, TokenizerProvider.class);
            return p.createFromRecord(p.defaultConfig());
        });
    }
}
