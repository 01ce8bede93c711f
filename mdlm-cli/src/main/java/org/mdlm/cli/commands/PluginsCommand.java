package org.mdlm.cli.commands;

import jakarta.inject.Inject;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.mdlm.api.plugin.PluginRegistry;
import org.mdlm.api.plugin.ProviderInfo;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code mdlm plugins}: one line per provider: extension point, name, where it came from. */
@Command(name = "plugins", mixinStandardHelpOptions = true,
        description = "List every plugin provider: extension point, short name, version and the jar it came from.")
public final class PluginsCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;
    private final PluginRegistry registry;

    /** Creates the command. */
    @Inject
    public PluginsCommand(PluginRegistry registry) {
        this.registry = registry;
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        int width = 14;
        for (ProviderInfo p : registry.all()) {
            width = Math.max(width, p.name().length());
        }
        for (ProviderInfo p : registry.all()) {
            out.printf("%-17s %-" + width + "s %-8s %s%n", p.point().label(), p.name(), p.version(), p.source());
        }
        return 0;
    }
}
