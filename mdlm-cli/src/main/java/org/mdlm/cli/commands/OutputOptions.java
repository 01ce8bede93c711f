package org.mdlm.cli.commands;

import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import picocli.CommandLine.Option;

/** Where a new run is written. */
public final class OutputOptions {

    @Option(names = "--out", paramLabel = "DIR",
            description = "Run folder (default: runs/<preset>-<date-time>).")
    Path out;

    @Option(names = "--overwrite", description = "Replace a run already in the --out folder.")
    boolean overwrite;

    /** The run folder for {@code preset}. */
    public Path folder(String preset) {
        if (out != null) {
            return out;
        }
        return Path.of("runs", preset + "-" + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")));
    }
}
