package org.mdlm.cli.ablate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.mdlm.cli.run.RunDirectory;

/**
 * Where one run of a grid stands, read from its folder.
 *
 * <ul>
 *   <li>{@link Kind#FINISHED}: {@code summary.json} reports as many steps as {@code config.json}'s
 *       {@code train.steps}. A training session writes the summary last, after the final checkpoint
 *       and evaluation; a run stopped early (Ctrl-C) writes one with fewer steps, which is not finished.</li>
 *   <li>{@link Kind#RESUMABLE}: not finished, and {@code checkpoints/} holds a checkpoint; it continues
 *       from the newest as {@code mdlm train --resume} does.</li>
 *   <li>{@link Kind#FRESH}: no run yet, or one that left no checkpoint; it starts again from step 0,
 *       replacing what the folder holds.</li>
 * </ul>
 *
 * @param kind what to do with the run
 * @param checkpoint the newest checkpoint (RESUMABLE), or null
 */
public record RunState(Kind kind, Path checkpoint) {

    /** Where a run stands. */
    public enum Kind {
        /** Reached its {@code train.steps}: skipped. */
        FINISHED,
        /** Interrupted after a checkpoint: resumed from it. */
        RESUMABLE,
        /** Nothing to continue from: trained from step 0. */
        FRESH
    }

    /** Reads the state of the run folder {@code dir} (which may not exist). */
    public static RunState of(Path dir, ObjectMapper mapper) {
        if (!Files.isRegularFile(dir.resolve(RunDirectory.CONFIG))) {
            return new RunState(Kind.FRESH, null);
        }
        int target = read(dir.resolve(RunDirectory.CONFIG), mapper).path("train").path("steps").asInt(-1);
        int reached = read(dir.resolve("summary.json"), mapper).path("steps").asInt(-2);
        if (target > 0 && reached >= target) {
            return new RunState(Kind.FINISHED, null);
        }
        Optional<Path> newest = RunDirectory.open(dir, mapper).latestCheckpoint();
        return newest.map(p -> new RunState(Kind.RESUMABLE, p)).orElseGet(() -> new RunState(Kind.FRESH, null));
    }

    /** The step of the checkpoint a RESUMABLE run continues from, from its name ({@code ckpt-NNNNNN.zip}). */
    public int checkpointStep() {
        return checkpoint == null ? 0 : Integer.parseInt(checkpoint.getFileName().toString().replaceAll("\\D", ""));
    }

    private static JsonNode read(Path file, ObjectMapper mapper) {
        if (!Files.isRegularFile(file)) {
            return mapper.missingNode();
        }
        try {
            return mapper.readTree(file.toFile());
        } catch (IOException unreadable) {
            return mapper.missingNode();   // treated as absent: the run is not finished
        }
    }
}
