package org.mdlm.cli.run;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.mdlm.cli.config.ConfigException;

/**
 * The folder of one run: {@code config.json} (fully resolved), {@code provenance.json},
 * {@code metrics.jsonl}, {@code summary.json}, {@code samples.txt}, {@code checkpoints/} and
 * {@value RunLock#FILE}. Every JSON file is written atomically (temporary file, then rename). A
 * folder opened for writing ({@link #create}, {@link #openToResume}) holds its {@link RunLock}
 * until {@link #close()}, so a second writer is refused.
 */
public final class RunDirectory implements AutoCloseable {

    /** Name of the resolved config file. */
    public static final String CONFIG = "config.json";
    private final Path dir;
    private final ObjectMapper mapper;
    private final RunLock lock;

    private RunDirectory(Path dir, ObjectMapper mapper, RunLock lock) {
        this.dir = dir;
        this.mapper = mapper;
        this.lock = lock;
    }

    /**
     * Prepares a folder for a new run and takes its lock.
     *
     * @throws ConfigException if another process is writing it, or it already holds a run and
     *                         {@code overwrite} is false
     */
    public static RunDirectory create(Path dir, boolean overwrite, ObjectMapper mapper) {
        requireNoRunUnless(overwrite, dir);
        RunLock lock = RunLock.createAndAcquire(dir, "output folder");
        try {
            requireNoRunUnless(overwrite, dir);   // again: another process may have started one meanwhile
            prepare(dir, overwrite);
        } catch (RuntimeException e) {
            lock.close();
            throw e;
        }
        return new RunDirectory(dir, mapper, lock);
    }

    private static void requireNoRunUnless(boolean overwrite, Path dir) {
        if (Files.exists(dir.resolve(CONFIG)) && !overwrite) {
            throw new ConfigException("output folder " + dir + " already holds a run; pass --overwrite to replace it,"
                    + " --resume to continue it (mdlm train), or choose another --out");
        }
    }

    /** Creates the checkpoint folder; with {@code overwrite}, deletes the outputs of the previous run. */
    private static void prepare(Path dir, boolean overwrite) {
        try {
            Files.createDirectories(dir.resolve("checkpoints"));
            if (overwrite) {
                for (String f : List.of("metrics.jsonl", "summary.json", "samples.txt")) {
                    Files.deleteIfExists(dir.resolve(f));
                }
                try (Stream<Path> old = Files.list(dir.resolve("checkpoints"))) {
                    for (Path p : (Iterable<Path>) old::iterator) {
                        Files.deleteIfExists(p);
                    }
                }
            }
        } catch (IOException e) {
            throw new ConfigException("cannot create the output folder " + dir + ": " + e.getMessage(), e);
        }
    }

    /**
     * Opens the folder of an existing run for reading (no lock: a run being written may be read).
     *
     * @throws ConfigException if it holds no run
     */
    public static RunDirectory open(Path dir, ObjectMapper mapper) {
        requireRun(dir);
        return new RunDirectory(dir, mapper, null);
    }

    /**
     * Opens the folder of an existing run to continue writing it, and takes its lock.
     *
     * @throws ConfigException if it holds no run, or another process is writing it
     */
    public static RunDirectory openToResume(Path dir, ObjectMapper mapper) {
        requireRun(dir);
        return new RunDirectory(dir, mapper, RunLock.acquire(dir));
    }

    private static void requireRun(Path dir) {
        if (!Files.isRegularFile(dir.resolve(CONFIG))) {
            throw new ConfigException("no run in " + dir + " (no " + CONFIG + "); pass the folder that `mdlm run`"
                    + " or `mdlm train` wrote with --out");
        }
    }

    /** Releases the folder's lock, if this instance holds it. */
    @Override
    public void close() {
        if (lock != null) {
            lock.close();
        }
    }

    /** The folder. */
    public Path path() {
        return dir;
    }

    /** The checkpoint folder. */
    public Path checkpoints() {
        return dir.resolve("checkpoints");
    }

    /** The metrics log. */
    public Path metricsFile() {
        return dir.resolve("metrics.jsonl");
    }

    /** Reads the saved resolved config. */
    public ObjectNode readConfig() {
        try {
            return (ObjectNode) mapper.readTree(dir.resolve(CONFIG).toFile());
        } catch (IOException | ClassCastException e) {
            throw new ConfigException("the run's " + CONFIG + " in " + dir + " is unreadable: " + e.getMessage(), e);
        }
    }

    /** Writes a JSON file atomically. */
    public void writeJson(String name, Object value) {
        try {
            writeAtomically(dir.resolve(name), mapper.writerWithDefaultPrettyPrinter().writeValueAsString(value));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes a text file atomically. */
    public void writeText(String name, String text) {
        try {
            writeAtomically(dir.resolve(name), text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The newest checkpoint, by step number in its name. */
    public Optional<Path> latestCheckpoint() {
        Path ck = checkpoints();
        if (!Files.isDirectory(ck)) {
            return Optional.empty();
        }
        try (Stream<Path> files = Files.list(ck)) {
            return files.filter(p -> p.getFileName().toString().matches("ckpt-\\d+\\.zip"))
                    .max(Comparator.comparing(p -> p.getFileName().toString()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void writeAtomically(Path target, String text) throws IOException {
        Path tmp = target.resolveSibling(target.getFileName() + ".tmp");
        Files.writeString(tmp, text, StandardCharsets.UTF_8);
        Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
