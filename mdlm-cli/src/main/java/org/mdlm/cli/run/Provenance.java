package org.mdlm.cli.run;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.mdlm.api.plugin.ExtensionPoint;
import org.mdlm.api.plugin.PluginRegistry;
import org.mdlm.api.plugin.ProviderInfo;
import org.mdlm.cli.config.ResolvedConfig;

/** Where a run's numbers came from: plugins (name, class, jar, version), seed, code revision, machine. */
public final class Provenance {

    private Provenance() {
    }

    /** Builds the provenance record written as {@code provenance.json}. */
    public static Map<String, Object> of(ResolvedConfig config, PluginRegistry registry, String command) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("command", command);
        p.put("created", Instant.now().toString());
        p.put("seed", config.train().seed());
        List<Map<String, String>> plugins = new ArrayList<>();
        for (Map.Entry<ExtensionPoint, ?> e : config.providers().entrySet()) {
            String name = config.providerName(e.getKey());
            for (ProviderInfo info : registry.all()) {
                if (info.point().equals(e.getKey()) && info.name().equals(name)) {
                    Map<String, String> m = new LinkedHashMap<>();
                    m.put("extension_point", e.getKey().label());
                    m.put("name", name);
                    m.put("class", info.className());
                    m.put("source", info.source());
                    m.put("version", info.version());
                    plugins.add(m);
                }
            }
        }
        p.put("plugins", plugins);
        p.put("git_revision", gitRevision());
        p.put("java", System.getProperty("java.vendor") + " " + System.getProperty("java.version"));
        p.put("os", System.getProperty("os.name") + " " + System.getProperty("os.arch"));
        p.put("cores", Runtime.getRuntime().availableProcessors());
        p.put("omp_num_threads", System.getenv().getOrDefault("OMP_NUM_THREADS", "unset"));
        p.put("nd4j_backend", Backend.describe());
        return p;
    }

    /** The git revision of the working folder, or "unknown". */
    static String gitRevision() {
        try {
            Process proc = new ProcessBuilder("git", "rev-parse", "HEAD").redirectErrorStream(true).start();
            if (!proc.waitFor(5, TimeUnit.SECONDS)) {
                proc.destroyForcibly();
                return "unknown";
            }
            String out = new String(proc.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            return proc.exitValue() == 0 && out.matches("[0-9a-f]{40}") ? out : "unknown";
        } catch (IOException e) {
            return "unknown";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "unknown";
        }
    }
}
