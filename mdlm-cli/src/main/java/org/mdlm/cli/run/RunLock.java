package org.mdlm.cli.run;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.mdlm.cli.config.ConfigException;

/**
 * Makes one process at a time the writer of a run folder: an operating-system lock
 * ({@link FileLock}) on the file {@value #FILE} in the folder, which holds the writer's process id.
 * The operating system drops the lock when the process ends, however it ends, so a lock left by a
 * killed process never blocks a later resume; the file itself stays, with the last writer's id.
 */
public final class RunLock implements AutoCloseable {

    /** Name of the lock file in a run folder. */
    public static final String FILE = "run.lock";

    private final FileChannel channel;
    private final FileLock lock;

    private RunLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /**
     * Creates the folder {@code dir} if needed and takes its lock ({@link #acquire}).
     *
     * @param what what the folder is, for messages ("output folder", "grid folder")
     * @throws ConfigException if the path is a file, cannot be created, or is locked by another writer
     */
    public static RunLock createAndAcquire(Path dir, String what) {
        if (Files.exists(dir) && !Files.isDirectory(dir)) {
            throw new ConfigException("output path " + dir + " exists and is not a folder; choose another --out");
        }
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new ConfigException("cannot create the " + what + " " + dir + ": " + e.getMessage(), e);
        }
        return acquire(dir);
    }

    /**
     * Takes the lock of {@code dir} (which must exist) and writes this process's id into it.
     *
     * @throws ConfigException if another process (or another run in this one) holds it, naming that
     *                         process, or if the lock file cannot be written
     */
    public static RunLock acquire(Path dir) {
        Path file = dir.resolve(FILE);
        FileChannel channel = null;
        try {
            channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
                    StandardOpenOption.WRITE);
            FileLock lock = tryLock(channel);
            if (lock == null) {
                String holder = holder(channel);
                throw new ConfigException("run folder " + dir + " is being written by " + holder
                        + "; wait until it ends (or stop it), then try again");
            }
            channel.truncate(0);
            channel.write(ByteBuffer.wrap((ProcessHandle.current().pid() + "\n").getBytes(StandardCharsets.US_ASCII)), 0);
            channel.force(false);
            return new RunLock(channel, lock);
        } catch (IOException e) {
            closeQuietly(channel);
            throw new ConfigException("cannot lock the run folder " + dir + " (" + file + "): " + e.getMessage(), e);
        } catch (RuntimeException e) {
            closeQuietly(channel);
            throw e;
        }
    }

    /** Releases the lock (the file stays). */
    @Override
    public void close() {
        try {
            lock.release();
        } catch (IOException e) {
            // closing the channel below releases it too
        }
        closeQuietly(channel);
    }

    private static FileLock tryLock(FileChannel channel) throws IOException {
        try {
            return channel.tryLock();
        } catch (OverlappingFileLockException heldInThisProcess) {
            return null;
        }
    }

    /** "process N" from the lock file, or a vaguer phrase while the holder has not written it yet. */
    private static String holder(FileChannel channel) throws IOException {
        ByteBuffer buf = ByteBuffer.allocate(64);
        channel.read(buf, 0);
        String pid = new String(buf.array(), 0, buf.position(), StandardCharsets.US_ASCII).strip();
        return pid.matches("\\d+") ? "process " + pid : "another process";
    }

    private static void closeQuietly(FileChannel channel) {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException e) {
                // nothing left to release
            }
        }
    }
}
