package org.mdlm.cli.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.io.IOException;
import java.util.Iterator;
import java.util.Map;

/** Small operations on JSON config trees: deep merge and dotted-key overrides. */
public final class ConfigTrees {

    private static final ObjectMapper PLAIN = new ObjectMapper();

    private ConfigTrees() {
    }

    /** Merges {@code overlay} into {@code base}: objects recursively, everything else replaced. */
    public static void mergeInto(ObjectNode base, ObjectNode overlay) {
        Iterator<Map.Entry<String, JsonNode>> it = overlay.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            JsonNode existing = base.get(e.getKey());
            if (existing instanceof ObjectNode eo && e.getValue() instanceof ObjectNode vo) {
                mergeInto(eo, vo);
            } else {
                base.set(e.getKey(), e.getValue().deepCopy());
            }
        }
    }

    /**
     * Parses one {@code key=value} override. The value is read as JSON when it is a number, boolean,
     * null, array or object, and as a string otherwise.
     *
     * @throws ConfigException when there is no '=' or no dotted key
     */
    public static Override parseOverride(String text) {
        int eq = text.indexOf('=');
        if (eq <= 0) {
            throw new ConfigException("override '" + text + "' is not of the form key=value (e.g. train.steps=200)");
        }
        String key = text.substring(0, eq).trim();
        String raw = text.substring(eq + 1).trim();
        if (!key.matches("[a-z0-9_]+(\\.[a-z0-9_]+)+")) {
            throw new ConfigException("override key '" + key + "' must be a dotted path such as train.steps or model.hidden");
        }
        return new Override(key, parseValue(raw));
    }

    private static JsonNode parseValue(String raw) {
        if (raw.isEmpty()) {
            return TextNode.valueOf("");
        }
        try {
            JsonNode n = PLAIN.readTree(raw);
            if (n != null && !n.isMissingNode() && (n.isValueNode() || n.isContainerNode())) {
                return n;
            }
        } catch (IOException e) {
            // not JSON: a plain string
        }
        return TextNode.valueOf(raw);
    }

    /** Sets a dotted key in a tree, creating objects on the way. */
    public static void set(ObjectNode root, String dottedKey, JsonNode value) {
        String[] parts = dottedKey.split("\\.");
        ObjectNode node = root;
        for (int i = 0; i < parts.length - 1; i++) {
            JsonNode child = node.get(parts[i]);
            if (!(child instanceof ObjectNode)) {
                child = JsonNodeFactory.instance.objectNode();
                node.set(parts[i], child);
            }
            node = (ObjectNode) child;
        }
        node.set(parts[parts.length - 1], value);
    }

    /**
     * One {@code --set} override.
     *
     * @param key dotted key, e.g. {@code train.steps}
     * @param value the parsed value
     */
    public record Override(String key, JsonNode value) {
    }
}
