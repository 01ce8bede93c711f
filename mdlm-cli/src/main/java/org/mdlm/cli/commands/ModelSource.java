package org.mdlm.cli.commands;

import java.nio.file.Path;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Option;

/**
 * Where {@code eval} and {@code sample} find a trained model: a run folder (its newest checkpoint)
 * or one checkpoint file, which carries its own config; and which of its weights to use.
 */
public final class ModelSource {

    @ArgGroup(exclusive = true, multiplicity = "1")
    Location location;

    @Option(names = "--raw", description = "Use the raw weights instead of the EMA weights.")
    boolean raw;

    /** Exactly one of a run folder or a checkpoint file. */
    static final class Location {
        @Option(names = "--run", paramLabel = "RUN_DIR", description = "A run folder (its newest checkpoint is used).")
        Path run;
        @Option(names = "--checkpoint", paramLabel = "FILE",
                description = "A checkpoint file (ckpt-NNNNNN.zip); it carries its own config, no run folder needed.")
        Path checkpoint;
    }

    /** A source for {@code path}: a run folder when it is a directory, else a checkpoint file; EMA weights. */
    static ModelSource of(Path path) {
        ModelSource s = new ModelSource();
        s.location = new Location();
        if (java.nio.file.Files.isDirectory(path)) {
            s.location.run = path;
        } else {
            s.location.checkpoint = path;
        }
        return s;
    }

    /** The run folder or checkpoint file, as given. */
    Path path() {
        return location.run != null ? location.run : location.checkpoint;
    }

    /** The run folder, or null when a checkpoint file was given. */
    Path run() {
        return location.run;
    }

    /** The checkpoint file, or null when a run folder was given. */
    Path checkpoint() {
        return location.checkpoint;
    }
}
