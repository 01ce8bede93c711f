package org.mdlm.cli.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import org.mdlm.api.model.Backbone;
import org.mdlm.api.model.DenoiserOutputKind;
import org.mdlm.api.model.Parameterization;
import org.mdlm.api.plugin.ExtensionPoint;
import org.mdlm.api.plugin.PluginException;
import org.mdlm.api.plugin.PluginRegistry;
import org.mdlm.api.plugin.Provider;
import org.mdlm.api.sampling.Sampler;
import org.mdlm.engine.TrainConfig;

/**
 * Turns a preset plus {@code --set} overrides (or a saved {@code config.json}) into a
 * {@link ResolvedConfig}: each component section names its provider with {@code "type"}, takes the
 * provider's defaults for keys it leaves out, rejects keys the provider does not know, and is bound
 * to the provider's record, whose constructor validates the values.
 */
public final class ConfigResolver {

    private final PluginRegistry registry;
    private final ObjectMapper mapper;
    private final Presets presets;

    /** Creates the resolver. */
    @Inject
    public ConfigResolver(PluginRegistry registry, ObjectMapper mapper, Presets presets) {
        this.registry = registry;
        this.mapper = mapper;
        this.presets = presets;
    }

    /** Resolves a preset with overrides applied in order. */
    public ResolvedConfig resolve(String preset, List<String> overrides) {
        ObjectNode tree = presets.load(preset);
        applyOverrides(tree, overrides);
        return resolve(tree, choosesSampler(overrides));
    }

    /** Whether any override sets a key of the sampler section (the user chose the sampler). */
    public static boolean choosesSampler(List<String> overrides) {
        return overrides.stream().anyMatch(o -> o.trim().startsWith(ConfigSections.SAMPLER + "."));
    }

    /** Applies {@code key=value} overrides; a changed {@code section.type} drops that section's other keys. */
    public static void applyOverrides(ObjectNode tree, List<String> overrides) {
        List<ConfigTrees.Override> parsed = new ArrayList<>();
        for (String o : overrides) {
            parsed.add(ConfigTrees.parseOverride(o));
        }
        for (ConfigTrees.Override o : parsed) {
            String section = o.key().substring(0, o.key().indexOf('.'));
            if (!ConfigSections.all().contains(section)) {
                throw new ConfigException("unknown config key '" + o.key() + "': no section '" + section
                        + "'; sections are " + String.join(", ", ConfigSections.all()));
            }
            if (o.key().equals(section + ".type")) {
                JsonNode old = tree.path(section).path("type");
                if (!old.asText().equals(o.value().asText())) {
                    ObjectNode fresh = JsonNodeFactory.instance.objectNode();
                    fresh.set("type", o.value());
                    tree.set(section, fresh);
                }
            }
        }
        for (ConfigTrees.Override o : parsed) {
            ConfigTrees.set(tree, o.key(), o.value());
        }
    }

    /**
     * Resolves a complete or partial config tree (e.g. a run's saved config.json); a sampler that
     * cannot read the objective's output is replaced by the objective's own.
     */
    public ResolvedConfig resolve(ObjectNode input) {
        return resolve(input, false);
    }

    /**
     * Resolves a config tree.
     *
     * @param samplerChosen true when the user chose the sampler (an override of the sampler section):
     *                      a sampler that cannot serve the model is then refused, not replaced
     */
    public ResolvedConfig resolve(ObjectNode input, boolean samplerChosen) {
        ObjectNode tree = input.deepCopy();
        for (Iterator<String> it = tree.fieldNames(); it.hasNext(); ) {
            String section = it.next();
            if (!ConfigSections.all().contains(section)) {
                throw new ConfigException("unknown config section '" + section + "'; sections are "
                        + String.join(", ", ConfigSections.all()));
            }
        }
        ObjectNode resolved = JsonNodeFactory.instance.objectNode();
        if (tree.has(ConfigSections.DESCRIPTION)) {
            resolved.set(ConfigSections.DESCRIPTION, tree.get(ConfigSections.DESCRIPTION));
        }
        Map<ExtensionPoint, Provider<?, ?>> providers = new LinkedHashMap<>();
        Map<ExtensionPoint, Record> components = new LinkedHashMap<>();
        for (Map.Entry<String, ExtensionPoint> e : ConfigSections.COMPONENTS.entrySet()) {
            String section = e.getKey();
            JsonNode node = tree.get(section);
            if (node == null || !node.isObject() || !node.hasNonNull("type")) {
                throw new ConfigException("config section '" + section + "' must name its " + e.getValue().label()
                        + " with \"type\"; available: " + String.join(", ", registry.names(e.getValue())));
            }
            Provider<?, ?> provider = registry.find(e.getValue(), node.get("type").asText());
            ObjectNode fields = ((ObjectNode) node).deepCopy();
            fields.remove("type");
            Record record = bind(section, fields, provider.defaultConfig(), provider.configType());
            providers.put(e.getValue(), provider);
            components.put(e.getValue(), record);
            ObjectNode out = JsonNodeFactory.instance.objectNode();
            out.put("type", provider.name());
            out.setAll((ObjectNode) mapper.valueToTree(record));
            resolved.set(section, out);
        }
        fitSampler(providers, components, resolved, samplerChosen);
        TrainConfig train = bind(ConfigSections.TRAIN, objectOrEmpty(tree, ConfigSections.TRAIN),
                TrainConfig.defaults(), TrainConfig.class);
        SampleSettings sample = bind(ConfigSections.SAMPLE, objectOrEmpty(tree, ConfigSections.SAMPLE),
                SampleSettings.defaults(), SampleSettings.class);
        resolved.set(ConfigSections.TRAIN, mapper.valueToTree(train));
        resolved.set(ConfigSections.SAMPLE, mapper.valueToTree(sample));
        return new ResolvedConfig(resolved, providers, components, train, sample);
    }

    /**
     * Checks that the sampler can serve the model (output kind, time conditioning). When it cannot
     * read what the objective's denoiser returns (e.g. ddpm_cache with the ar objective) and the user
     * did not choose it, the objective's own sampler replaces it with its defaults and the resolved
     * config records the replacement; every other incompatibility is refused, saying why and what to
     * choose instead.
     */
    private void fitSampler(Map<ExtensionPoint, Provider<?, ?>> providers, Map<ExtensionPoint, Record> components,
                            ObjectNode resolved, boolean samplerChosen) {
        Parameterization objective = (Parameterization) providers.get(ExtensionPoint.PARAMETERIZATION)
                .createFromRecord(components.get(ExtensionPoint.PARAMETERIZATION));
        Backbone backbone = (Backbone) providers.get(ExtensionPoint.BACKBONE)
                .createFromRecord(components.get(ExtensionPoint.BACKBONE));
        objective.backboneIncompatibility(backbone).ifPresent(why -> {
            throw new ConfigException("objective '" + providers.get(ExtensionPoint.PARAMETERIZATION).name()
                    + "' cannot train with backbone '" + providers.get(ExtensionPoint.BACKBONE).name() + "': " + why);
        });
        DenoiserOutputKind kind = objective.outputKind();
        boolean timed = backbone.timeConditioned();
        Sampler sampler = (Sampler) providers.get(ExtensionPoint.SAMPLER)
                .createFromRecord(components.get(ExtensionPoint.SAMPLER));
        String name = providers.get(ExtensionPoint.SAMPLER).name();
        if (!samplerChosen && !sampler.reads().contains(kind)) {
            String preferred = objective.preferredSampler();
            Provider<?, ?> provider;
            try {
                provider = registry.find(ExtensionPoint.SAMPLER, preferred);
            } catch (PluginException e) {
                throw new ConfigException("sampler '" + name + "' cannot read " + kind.label()
                        + ", and the objective's own sampler '" + preferred
                        + "' is not installed; set sampler.type to a sampler that reads them", e);
            }
            Record record = provider.defaultConfig();
            providers.put(ExtensionPoint.SAMPLER, provider);
            components.put(ExtensionPoint.SAMPLER, record);
            ObjectNode out = JsonNodeFactory.instance.objectNode();
            out.put("type", provider.name());
            out.setAll((ObjectNode) mapper.valueToTree(record));
            resolved.set(ConfigSections.SAMPLER, out);
            sampler = (Sampler) provider.createFromRecord(record);
            name = provider.name();
        }
        Optional<String> why = sampler.incompatibility(kind, timed);
        if (why.isPresent()) {
            throw new ConfigException("sampler '" + name + "' cannot serve this model (objective '"
                    + providers.get(ExtensionPoint.PARAMETERIZATION).name() + "'"
                    + (timed ? ", time-conditioned" : "") + "): " + why.get()
                    + (objective.preferredSampler().equals(name) ? ""
                    : "; the objective's own sampler is '" + objective.preferredSampler() + "' (sampler.type="
                    + objective.preferredSampler() + ")"));
        }
    }

    private ObjectNode objectOrEmpty(ObjectNode tree, String section) {
        JsonNode n = tree.get(section);
        if (n == null || n.isNull()) {
            return JsonNodeFactory.instance.objectNode();
        }
        if (!n.isObject()) {
            throw new ConfigException("config section '" + section + "' must be a JSON object");
        }
        return (ObjectNode) n;
    }

    private <R> R bind(String section, ObjectNode fields, Object defaults, Class<R> type) {
        ObjectNode merged = mapper.valueToTree(defaults);
        for (Iterator<String> it = fields.fieldNames(); it.hasNext(); ) {
            String key = it.next();
            if (!merged.has(key)) {
                throw new ConfigException("unknown config key '" + section + "." + key + "'; keys of " + section
                        + " (" + type.getSimpleName() + ") are: " + String.join(", ", sortedKeys(merged)));
            }
        }
        merged.setAll(fields);
        try {
            return mapper.treeToValue(merged, type);
        } catch (ValueInstantiationException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            throw new ConfigException("invalid " + section + " config: " + cause.getMessage(), e);
        } catch (InvalidFormatException e) {
            throw new ConfigException("config key " + section + "." + path(e) + ": expected "
                    + friendly(e.getTargetType()) + ", got " + e.getValue(), e);
        } catch (MismatchedInputException e) {
            throw new ConfigException("config key " + section + "." + path(e) + ": expected "
                    + friendly(e.getTargetType()) + " (" + e.getOriginalMessage() + ")", e);
        } catch (JsonProcessingException e) {
            throw new ConfigException("invalid " + section + " config: " + e.getOriginalMessage(), e);
        }
    }

    private static List<String> sortedKeys(ObjectNode n) {
        List<String> keys = new ArrayList<>();
        n.fieldNames().forEachRemaining(keys::add);
        return new ArrayList<>(new TreeSet<>(keys));
    }

    private static String path(MismatchedInputException e) {
        StringBuilder sb = new StringBuilder();
        for (var ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                sb.append(sb.length() == 0 ? "" : ".").append(ref.getFieldName());
            }
        }
        return sb.toString();
    }

    private static String friendly(Class<?> t) {
        if (t == null) {
            return "another type";
        }
        if (t == int.class || t == Integer.class || t == long.class || t == Long.class) {
            return "an integer";
        }
        if (t == double.class || t == Double.class || t == float.class) {
            return "a number";
        }
        if (t == boolean.class || t == Boolean.class) {
            return "true or false";
        }
        if (t == String.class) {
            return "a string";
        }
        return t.getSimpleName();
    }
}
