package org.mdlm.cli.plugins;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Where plugin jars are looked for, in order: each {@code --plugins DIR} given on the command line,
 * each folder in the {@code MDLM_PLUGINS} environment variable (separated by the path separator),
 * and the {@code plugins} folder of the installation ({@code mdlm.home} system property, set by the
 * launcher) when it exists.
 */
public final class PluginFolders {

    /** The environment variable naming plugin folders. */
    public static final String ENV = "MDLM_PLUGINS";
    /** The option naming a plugin folder. */
    public static final String OPTION = "--plugins";

    private PluginFolders() {
    }

    /** The folders for this invocation; explicitly named folders must exist. */
    public static List<Path> resolve(String[] args, Map<String, String> env, String home) {
        Set<Path> folders = new LinkedHashSet<>();
        for (String f : fromArgs(args)) {
            folders.add(Path.of(f));
        }
        String fromEnv = env.get(ENV);
        if (fromEnv != null && !fromEnv.isBlank()) {
            for (String f : fromEnv.split(java.io.File.pathSeparator)) {
                if (!f.isBlank()) {
                    folders.add(Path.of(f.trim()));
                }
            }
        }
        for (Path f : folders) {
            if (!Files.isDirectory(f)) {
                throw new org.mdlm.api.plugin.PluginException("plugin folder " + f + " does not exist or is not a folder;"
                        + " check --plugins and " + ENV);
            }
        }
        if (home != null) {
            Path def = Path.of(home, "plugins");
            if (Files.isDirectory(def)) {
                folders.add(def);
            }
        }
        return new ArrayList<>(folders);
    }

    /** The values of every {@code --plugins DIR} and {@code --plugins=DIR} in {@code args}. */
    static List<String> fromArgs(String[] args) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals(OPTION) && i + 1 < args.length) {
                out.add(args[++i]);
            } else if (args[i].startsWith(OPTION + "=")) {
                out.add(args[i].substring(OPTION.length() + 1));
            }
        }
        return out;
    }
}
