package org.mdlm.cli.ablate;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.mdlm.cli.config.ConfigException;
import org.mdlm.cli.run.RunDirectory;
import org.mdlm.cli.run.RunLock;

/**
 * The folder of one grid: {@value #DEFINITION} (the grid's definition, axes and run folders, written
 * once when the grid starts), the tables and the plot, and one run folder per (cell, seed). An open
 * grid folder holds the {@link RunLock} of its folder, so two processes never run one grid at once.
 */
public final class GridFolder implements AutoCloseable {

    /** The grid's record in its folder. */
    public static final String DEFINITION = "grid.json";
    private final Path dir;
    private final RunLock lock;

    private GridFolder(Path dir, RunLock lock) {
        this.dir = dir;
        this.lock = lock;
    }

    /**
     * Opens the folder for {@code definition}, creating it (and its {@value #DEFINITION}) when it is
     * new; takes its lock.
     *
     * @throws ConfigException when the folder holds another grid (naming what differs), a single run,
     *                         other files, or is being written by another process
     */
    public static GridFolder open(Path dir, GridDefinition definition, AblationGrid grid, List<GridRun> runs,
                                  ObjectMapper mapper) {
        RunLock lock = RunLock.createAndAcquire(dir, "grid folder");
        try {
            if (Files.exists(dir.resolve(DEFINITION))) {
                List<String> diffs = definition.differencesFrom(readDefinition(dir, mapper));
                if (!diffs.isEmpty()) {
                    throw new ConfigException("grid folder " + dir + " holds another grid (" + String.join("; ", diffs)
                            + "); choose another --out, or continue the recorded grid with: mdlm ablate --resume " + dir);
                }
            } else {
                requireEmpty(dir);
                writeAtomically(dir.resolve(DEFINITION), mapper.writerWithDefaultPrettyPrinter()
                        .writeValueAsString(record(definition, grid, runs, dir, mapper)));
            }
        } catch (IOException e) {
            lock.close();
            throw new UncheckedIOException(e);
        } catch (RuntimeException e) {
            lock.close();
            throw e;
        }
        return new GridFolder(dir, lock);
    }

    /**
     * Reads the definition recorded in a grid folder (for {@code --resume}).
     *
     * @throws ConfigException when the folder holds no readable {@value #DEFINITION}
     */
    public static GridDefinition readDefinition(Path dir, ObjectMapper mapper) {
        Path file = dir.resolve(DEFINITION);
        if (!Files.isRegularFile(file)) {
            throw new ConfigException("no ablation grid in " + dir + " (no " + DEFINITION + "); pass the folder that"
                    + " `mdlm ablate` wrote with --out");
        }
        try {
            return GridDefinition.fromJson(mapper.readTree(file.toFile()).get("definition"), file.toString());
        } catch (IOException e) {
            throw new ConfigException(file + " is unreadable: " + e.getMessage(), e);
        }
    }

    private static void requireEmpty(Path dir) throws IOException {
        if (Files.isRegularFile(dir.resolve(RunDirectory.CONFIG))) {
            throw new ConfigException("folder " + dir + " holds a training run, not an ablation grid; choose another --out");
        }
        try (Stream<Path> files = Files.list(dir)) {
            if (files.anyMatch(f -> !f.getFileName().toString().equals(RunLock.FILE))) {
                throw new ConfigException("folder " + dir + " is not empty and holds no " + DEFINITION
                        + "; choose another --out (a new or empty folder)");
            }
        }
    }

    private static ObjectNode record(GridDefinition definition, AblationGrid grid, List<GridRun> runs, Path dir,
                                     ObjectMapper mapper) {
        ObjectNode n = mapper.createObjectNode();
        n.put("format", 1);
        n.put("created", Instant.now().toString());
        n.set("definition", definition.toJson());
        ArrayNode axes = n.putArray("axes");
        for (GridAxis a : grid.axes()) {
            ObjectNode axis = axes.addObject();
            axis.put("name", a.name());
            ArrayNode values = axis.putArray("values");
            for (GridAxis.Value v : a.values()) {
                ObjectNode value = values.addObject();
                value.put("label", v.label());
                value.set("overrides", mapper.valueToTree(v.overrides()));
            }
        }
        ArrayNode list = n.putArray("runs");
        for (GridRun r : runs) {
            list.addObject().put("cell", r.cell().label()).put("seed", r.seed()).put("folder", r.folder());
        }
        return n;
    }

    /** The folder. */
    public Path path() {
        return dir;
    }

    /** Writes a file of the grid folder atomically (temporary file, then rename). */
    public void writeText(String name, String text) {
        try {
            writeAtomically(dir.resolve(name), text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void writeAtomically(Path target, String text) throws IOException {
        Path tmp = target.resolveSibling(target.getFileName() + ".tmp");
        Files.writeString(tmp, text, StandardCharsets.UTF_8);
        Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /** Releases the folder's lock. */
    @Override
    public void close() {
        lock.close();
    }
}
