package org.mdlm.cli.commands;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.mdlm.cli.config.ConfigException;
import org.mdlm.cli.config.ConfigResolver;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * What the commands that use a trained model ({@code eval}, {@code sample}, {@code finetune}) share: where the model
 * comes from (a run folder or a lone checkpoint), which weights, and the few config keys a caller
 * may override.
 */
abstract class ModelCommand implements Callable<Integer> {

    @Mixin
    ModelSource source;
    @Option(names = "--set", paramLabel = "KEY=VALUE",
            description = "Override a setting of the model's saved config; which keys a command takes is in its description.")
    List<String> overrides = new ArrayList<>();
    @Spec
    CommandSpec spec;

    final ConfigResolver resolver;
    final ObjectMapper mapper;

    ModelCommand(ConfigResolver resolver, ObjectMapper mapper) {
        this.resolver = resolver;
        this.mapper = mapper;
    }

    /** The config sections this command lets {@code --set} change, e.g. {@code "sampler."}. */
    abstract List<String> overridablePrefixes();

    /**
     * Loads the model with the overrides applied.
     *
     * @throws ConfigException if an override touches a key this command does not take
     */
    LoadedModel loadModel() {
        return loadModel(List.of());
    }

    /**
     * Loads the model with the {@code --set} overrides and then {@code shorthand} ones (from the
     * command's own options, e.g. {@code --steps}) applied.
     *
     * @throws ConfigException if an override touches a key this command does not take
     */
    LoadedModel loadModel(List<String> shorthand) {
        for (String o : overrides) {
            if (overridablePrefixes().stream().noneMatch(o::startsWith)) {
                throw new ConfigException("mdlm " + spec.name() + " only takes " + String.join(", ",
                        overridablePrefixes().stream().map(p -> p + "*").toList()) + " overrides, not '" + o + "'");
            }
        }
        List<String> all = new ArrayList<>(overrides);
        all.addAll(shorthand);
        return LoadedModel.load(source, all, resolver, mapper);
    }
}
