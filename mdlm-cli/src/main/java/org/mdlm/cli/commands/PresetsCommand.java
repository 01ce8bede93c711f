package org.mdlm.cli.commands;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.inject.Inject;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import org.mdlm.cli.config.ConfigResolver;
import org.mdlm.cli.config.Presets;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code mdlm presets [NAME]}: list presets, or print one fully resolved. */
@Command(name = "presets", mixinStandardHelpOptions = true,
        description = {"List the presets, or print one preset's fully resolved config.",
                "Every key printed can be changed with --set KEY=VALUE."})
public final class PresetsCommand implements Callable<Integer> {

    @Parameters(arity = "0..1", paramLabel = "NAME", description = "Preset to print in full.")
    String name;
    @Option(names = "--set", paramLabel = "KEY=VALUE", description = "Overrides to apply before printing.")
    List<String> overrides = new java.util.ArrayList<>();
    @Spec
    CommandSpec spec;

    private final Presets presets;
    private final ConfigResolver resolver;
    private final ObjectMapper mapper;

    /** Creates the command. */
    @Inject
    public PresetsCommand(Presets presets, ConfigResolver resolver, ObjectMapper mapper) {
        this.presets = presets;
        this.resolver = resolver;
        this.mapper = mapper;
    }

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        if (name == null) {
            for (String n : presets.names()) {
                out.printf("%-16s %s%n", n, presets.description(n));
            }
            return 0;
        }
        out.println(mapper.writerWithDefaultPrettyPrinter().writeValueAsString(resolver.resolve(name, overrides).tree()));
        return 0;
    }
}
