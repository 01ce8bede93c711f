package org.mdlm.cli.commands;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import org.mdlm.cli.config.ConfigException;
import org.mdlm.cli.config.ConfigResolver;
import org.mdlm.cli.config.ResolvedConfig;
import org.mdlm.cli.run.Pipeline;
import org.mdlm.cli.run.RunDirectory;
import org.mdlm.engine.Checkpoint;

/**
 * A trained run loaded back: its config, components and newest checkpoint.
 *
 * @param dir the run folder
 * @param config its resolved config
 * @param pipeline its components
 * @param checkpoint its newest checkpoint
 */
record RunModels(RunDirectory dir, ResolvedConfig config, Pipeline pipeline, Checkpoint checkpoint) {

    /** Loads the run in {@code folder}, failing clearly when it has no checkpoint. */
    static RunModels load(Path folder, ConfigResolver resolver, ObjectMapper mapper) {
        return load(folder, resolver, mapper, java.util.List.of());
    }

    /** Loads the run in {@code folder} with {@code overrides} applied to its saved config. */
    static RunModels load(Path folder, ConfigResolver resolver, ObjectMapper mapper, java.util.List<String> overrides) {
        RunDirectory dir = RunDirectory.open(folder, mapper);
        var tree = dir.readConfig();
        ConfigResolver.applyOverrides(tree, overrides);
        ResolvedConfig cfg = resolver.resolve(tree);
        Pipeline pipeline = Pipeline.assemble(cfg);
        Path ckpt = dir.latestCheckpoint().orElseThrow(() -> new ConfigException("run " + folder
                + " has no checkpoint yet; train it first (mdlm train --resume " + folder + ")"));
        return new RunModels(dir, cfg, pipeline, Checkpoint.load(ckpt));
    }
}
