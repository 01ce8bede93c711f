package org.mdlm.engine;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** Names checkpoint files {@code ckpt-NNNNNN.zip} and keeps only the newest few. */
final class CheckpointFiles {

    private static final Pattern NAME = Pattern.compile("ckpt-(\\d+)\\.zip");
    /** The temporary file of a checkpoint write ({@link CheckpointFormat#writeAtomically}). */
    private static final Pattern PARTIAL = Pattern.compile("\\.ckpt-\\d+\\.zip\\..*\\.tmp");

    private CheckpointFiles() {
    }

    /** The file of the checkpoint at {@code step} in {@code dir}. */
    static Path fileFor(Path dir, int step) {
        return dir.resolve(String.format("ckpt-%06d.zip", step));
    }

    /** Checkpoint files in {@code dir}, oldest (lowest step) first. */
    static List<Path> list(Path dir) throws IOException {
        List<Path> out = new ArrayList<>();
        if (!Files.isDirectory(dir)) {
            return out;
        }
        try (Stream<Path> s = Files.list(dir)) {
            s.filter(p -> NAME.matcher(p.getFileName().toString()).matches()).forEach(out::add);
        }
        out.sort(Comparator.comparingLong(CheckpointFiles::stepOf));
        return out;
    }

    /**
     * Deletes all but the newest {@code keep} checkpoints up to step {@code upToStep} (keep 0 = keep
     * all). Files of later steps (left by another run in the same folder) are never touched, so the
     * checkpoint just written always survives.
     */
    static void prune(Path dir, int keep, int upToStep) {
        if (keep <= 0) {
            return;
        }
        try {
            List<Path> files = new ArrayList<>(list(dir));
            files.removeIf(p -> stepOf(p) > upToStep);
            for (int i = 0; i < files.size() - keep; i++) {
                Files.deleteIfExists(files.get(i));
            }
        } catch (IOException e) {
            throw new CheckpointException("could not remove old checkpoints in " + dir + ": " + e
                    + "; check the folder's permissions", e);
        }
    }

    /**
     * Deletes the temporary files of checkpoint writes that a killed process left unfinished (a
     * finished write renames its temporary file, so any that remains is garbage).
     */
    static void removeInterruptedWrites(Path dir) {
        if (!Files.isDirectory(dir)) {
            return;
        }
        try (Stream<Path> s = Files.list(dir)) {
            for (Path p : (Iterable<Path>) s::iterator) {
                if (PARTIAL.matcher(p.getFileName().toString()).matches()) {
                    Files.deleteIfExists(p);
                }
            }
        } catch (IOException e) {
            throw new CheckpointException("could not remove the unfinished checkpoint files in " + dir + ": " + e
                    + "; check the folder's permissions", e);
        }
    }

    private static long stepOf(Path p) {
        Matcher m = NAME.matcher(p.getFileName().toString());
        return m.matches() ? Long.parseLong(m.group(1)) : -1L;
    }
}
