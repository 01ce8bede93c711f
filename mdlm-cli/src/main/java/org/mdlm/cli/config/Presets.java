package org.mdlm.cli.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.inject.Inject;
import org.mdlm.cli.plugins.PluginSet;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Named presets shipped as JSON resources under {@code org/mdlm/cli/presets/} and, for plugins, under
 * {@code META-INF/mdlm/presets/} of their jars. A preset may name
 * another in {@code "extends"}; its sections are merged key by key over that one's.
 */
public final class Presets {

    /** Where a plugin jar ships its presets: {@code index.txt} and one {@code NAME.json} each. */
    public static final String PLUGIN_FOLDER = "META-INF/mdlm/presets/";
    private static final String FOLDER = "org/mdlm/cli/presets/";
    private final ObjectMapper mapper;
    private final List<ClassLoader> pluginLoaders;

    /** A catalogue of the built-in presets only. */
    public Presets(ObjectMapper mapper) {
        this(mapper, List.of());
    }

    /** A catalogue of the built-in presets and those shipped in plugin jars. */
    @Inject
    public Presets(ObjectMapper mapper, PluginSet plugins) {
        this(mapper, plugins.jars().stream().map(PluginSet.PluginJar::loader).toList());
    }

    private Presets(ObjectMapper mapper, List<ClassLoader> pluginLoaders) {
        this.mapper = mapper;
        this.pluginLoaders = pluginLoaders;
    }

    /** The names of every preset: built-in ones in index order, then those of plugin jars. */
    public List<String> names() {
        Set<String> names = new LinkedHashSet<>(readIndex(Presets.class.getClassLoader().getResource(FOLDER + "index.txt")));
        for (ClassLoader l : pluginLoaders) {
            names.addAll(readIndex(own(l, PLUGIN_FOLDER + "index.txt")));
        }
        return new ArrayList<>(names);
    }

    private static List<String> readIndex(URL index) {
        List<String> names = new ArrayList<>();
        if (index == null) {
            return names;
        }
        try (InputStream in = index.openStream()) {
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    names.add(line.trim());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return names;
    }

    /** A resource of the plugin jar itself, not of its parents. */
    private static URL own(ClassLoader loader, String name) {
        return loader instanceof URLClassLoader u ? u.findResource(name) : loader.getResource(name);
    }

    private URL find(String name) {
        URL builtIn = Presets.class.getClassLoader().getResource(FOLDER + name + ".json");
        if (builtIn != null) {
            return builtIn;
        }
        for (ClassLoader l : pluginLoaders) {
            URL u = own(l, PLUGIN_FOLDER + name + ".json");
            if (u != null) {
                return u;
            }
        }
        return null;
    }

    /** The preset's one-line description. */
    public String description(String name) {
        JsonNode d = load(name).get("description");
        return d == null ? "" : d.asText();
    }

    /**
     * Loads a preset with its {@code extends} chain merged in.
     *
     * @throws ConfigException for an unknown preset, listing the known ones
     */
    public ObjectNode load(String name) {
        return load(name, new LinkedHashSet<>());
    }

    private ObjectNode load(String name, Set<String> seen) {
        if (!seen.add(name)) {
            throw new ConfigException("preset '" + name + "' extends itself through " + seen);
        }
        ObjectNode own;
        URL url = name.matches("[A-Za-z0-9_.-]+") ? find(name) : null;
        try (InputStream in = url == null ? null : url.openStream()) {
            if (in == null) {
                throw new ConfigException("unknown preset '" + name + "'; available: " + String.join(", ", names())
                        + ". Run `mdlm presets` to see what each one does.");
            }
            own = (ObjectNode) mapper.readTree(in);
        } catch (IOException e) {
            throw new ConfigException("preset '" + name + "' is not valid JSON: " + e.getMessage(), e);
        }
        JsonNode parent = own.remove("extends");
        if (parent == null) {
            return own;
        }
        ObjectNode merged = load(parent.asText(), seen);
        ConfigTrees.mergeInto(merged, own);
        return merged;
    }
}
