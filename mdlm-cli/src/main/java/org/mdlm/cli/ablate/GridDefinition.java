package org.mdlm.cli.ablate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import org.mdlm.cli.config.ConfigException;

/**
 * What defines a grid, as given on the command line and recorded in {@code grid.json}: the preset,
 * the overrides applied to every cell ({@code --set}, {@code --data}), the {@code --vary} specs, the
 * {@code --variant} specs, whether the implicit baseline row is in, and the seeds per cell. Two
 * invocations run the same grid exactly when their definitions are equal.
 *
 * @param preset the preset every cell starts from
 * @param overrides {@code KEY=VALUE} overrides applied to every cell, in order
 * @param vary the {@code KEY=V1,V2,...} specs, one axis each
 * @param variants the {@code LABEL:KEY=VALUE[;KEY=VALUE...]} specs, together one axis
 * @param baseline whether the variant axis has the implicit {@code baseline} row (the preset unchanged)
 * @param seeds runs per cell, at least 1
 */
public record GridDefinition(String preset, List<String> overrides, List<String> vary, List<String> variants,
                             boolean baseline, int seeds) {

    /**
     * Copies the lists.
     *
     * @throws ConfigException if {@code seeds} is below 1
     */
    public GridDefinition {
        overrides = List.copyOf(overrides);
        vary = List.copyOf(vary);
        variants = List.copyOf(variants);
        if (seeds < 1) {
            throw new ConfigException("--seeds must be at least 1, got " + seeds);
        }
    }

    /** The definition as the {@code definition} object of {@code grid.json}. */
    public ObjectNode toJson() {
        ObjectNode n = JsonNodeFactory.instance.objectNode();
        n.put("preset", preset);
        n.set("overrides", strings(overrides));
        n.set("vary", strings(vary));
        n.set("variants", strings(variants));
        n.put("baseline", baseline);
        n.put("seeds", seeds);
        return n;
    }

    /**
     * Reads a definition written by {@link #toJson()}.
     *
     * @param where the file it came from, for messages
     * @throws ConfigException if a field is missing or of the wrong kind
     */
    public static GridDefinition fromJson(JsonNode n, String where) {
        if (n == null || !n.isObject() || !n.path("preset").isTextual() || !n.path("seeds").isInt()
                || !n.path("baseline").isBoolean()) {
            throw new ConfigException(where + " holds no readable grid definition (preset, overrides, vary, variants,"
                    + " baseline, seeds)");
        }
        return new GridDefinition(n.get("preset").asText(), list(n, "overrides", where), list(n, "vary", where),
                list(n, "variants", where), n.get("baseline").asBoolean(), n.get("seeds").asInt());
    }

    /** What differs from {@code other} (this one "here", the other "there"), one phrase per field; empty when equal. */
    public List<String> differencesFrom(GridDefinition other) {
        List<String> d = new ArrayList<>();
        compare(d, "--preset", other.preset, preset);
        compare(d, "--set/--data", other.overrides, overrides);
        compare(d, "--vary", other.vary, vary);
        compare(d, "--variant", other.variants, variants);
        compare(d, "baseline row", other.baseline, baseline);
        compare(d, "--seeds", other.seeds, seeds);
        return d;
    }

    private static void compare(List<String> out, String what, Object there, Object here) {
        if (!there.equals(here)) {
            out.add(what + " " + there + " there, " + here + " here");
        }
    }

    private static ArrayNode strings(List<String> values) {
        ArrayNode a = JsonNodeFactory.instance.arrayNode();
        values.forEach(a::add);
        return a;
    }

    private static List<String> list(JsonNode n, String field, String where) {
        JsonNode a = n.path(field);
        if (!a.isArray()) {
            throw new ConfigException(where + ": the grid definition's '" + field + "' is not a list");
        }
        List<String> out = new ArrayList<>();
        a.forEach(v -> out.add(v.asText()));
        return out;
    }
}
