package org.mdlm.cli.commands;

import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** The options that choose and adjust a run's config: preset, overrides, data path. */
public final class ConfigOptions {

    @Option(names = "--preset", paramLabel = "NAME", defaultValue = "tiny",
            description = "Preset to start from (default: ${DEFAULT-VALUE}); `mdlm presets` lists them.")
    String preset;

    @Option(names = "--set", paramLabel = "KEY=VALUE",
            description = "Override one config value by dotted key, e.g. train.steps=200 or model.hidden=256. Repeatable.")
    List<String> overrides = new ArrayList<>();

    @Option(names = "--data", paramLabel = "PATH",
            description = "Corpus to read (shorthand for --set domain.data=PATH).")
    String data;

    /** The overrides, with --data appended as domain.data. */
    public List<String> allOverrides() {
        List<String> all = new ArrayList<>(overrides);
        if (data != null) {
            all.add("domain.data=" + data);
        }
        return all;
    }
}
