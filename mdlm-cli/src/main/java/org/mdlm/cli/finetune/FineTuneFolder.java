package org.mdlm.cli.finetune;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import org.mdlm.cli.config.ConfigException;
import org.mdlm.cli.run.RunLock;

/**
 * The output folder of one {@code mdlm finetune}: {@value #JSON} and {@value #MARKDOWN}, written
 * atomically (after every fold, then at the end). By default a new folder
 * {@code runs/finetune-<task>-<date-time>} under the working folder, never beside the checkpoint,
 * which may be read-only. The folder holds its {@link RunLock} while open.
 */
public final class FineTuneFolder implements AutoCloseable {

    /** The machine-readable report. */
    public static final String JSON = "finetune.json";
    /** The table for people. */
    public static final String MARKDOWN = "finetune.md";

    private final Path dir;
    private final RunLock lock;

    private FineTuneFolder(Path dir, RunLock lock) {
        this.dir = dir;
        this.lock = lock;
    }

    /** The default folder for a task file: {@code runs/finetune-<file name without extension>-<date-time>}. */
    public static Path defaultFor(Path task) {
        String name = task.getFileName().toString().replaceFirst("\\.[^.]*$", "");
        return Path.of("runs", "finetune-" + name + "-"
                + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")));
    }

    /**
     * Creates (if needed) and locks {@code dir}.
     *
     * @throws ConfigException when it already holds a fine-tune report and {@code overwrite} is false,
     *                         cannot be created, or another process writes it
     */
    public static FineTuneFolder open(Path dir, boolean overwrite) {
        if (Files.exists(dir.resolve(JSON)) && !overwrite) {
            throw new ConfigException("output folder " + dir + " already holds a fine-tune (" + JSON + "); pass"
                    + " --overwrite to replace it, or choose another --out");
        }
        return new FineTuneFolder(dir, RunLock.createAndAcquire(dir, "output folder"));
    }

    /** The folder. */
    public Path path() {
        return dir;
    }

    /** Writes {@code text} into the file {@code name} of the folder, atomically. */
    public void write(String name, String text) {
        Path target = dir.resolve(name);
        Path tmp = dir.resolve(name + ".tmp");
        try {
            Files.writeString(tmp, text, StandardCharsets.UTF_8);
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + target + ": " + e.getMessage(), e);
        }
    }

    /** Releases the lock. */
    @Override
    public void close() {
        lock.close();
    }
}
