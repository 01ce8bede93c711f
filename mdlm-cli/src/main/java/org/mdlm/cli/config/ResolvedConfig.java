package org.mdlm.cli.config;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import org.mdlm.api.plugin.ExtensionPoint;
import org.mdlm.api.plugin.Provider;
import org.mdlm.engine.TrainConfig;

/**
 * A fully resolved run configuration: the JSON tree with every default filled in (written to the
 * run directory as {@code config.json}), and each section bound to its typed record.
 *
 * @param tree the resolved JSON tree
 * @param providers the provider chosen for each extension point
 * @param components the config record of each extension point's component
 * @param train the training settings
 * @param sample the post-training sampling settings
 */
public record ResolvedConfig(ObjectNode tree, Map<ExtensionPoint, Provider<?, ?>> providers,
                             Map<ExtensionPoint, Record> components, TrainConfig train, SampleSettings sample) {

    /** The component built by {@code point}'s provider from its record. */
    public Object create(ExtensionPoint point) {
        return providers.get(point).createFromRecord(components.get(point));
    }

    /** The provider name chosen for {@code point}. */
    public String providerName(ExtensionPoint point) {
        return providers.get(point).name();
    }
}
