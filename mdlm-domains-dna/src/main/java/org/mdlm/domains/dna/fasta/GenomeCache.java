package org.mdlm.domains.dna.fasta;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import org.mdlm.api.domain.DataException;

/**
 * Keeps decoded genomes in a cache folder, so that a FASTA file is decompressed and parsed once:
 * for each source file a {@code .bases} file (one id byte per base, memory-mapped when read) and a
 * {@code .index} file (names, lengths, N runs, and the source's path, size and modification time),
 * named after the source's name and a hash of its absolute path. A source whose size or time
 * changed is read again and replaces its entry. Files are written under temporary names and
 * renamed when complete, so a run stopped halfway leaves no broken entry. The cache never writes
 * beside the data (data folders may be read-only): its folder is the domain's {@code cache_dir}, by
 * default {@link #defaultDirectory()}.
 */
public final class GenomeCache {

    private static final int MAGIC = 0x6d646e61;
    private static final int VERSION = 1;

    private final Path dir;

    /** A cache in folder {@code dir} (created when first written). */
    public GenomeCache(Path dir) {
        this.dir = dir;
    }

    /** The folder holding the cache files. */
    public Path directory() {
        return dir;
    }

    /**
     * The default folder, {@code dna/} in mdlm's cache folder, found as the token cache finds it: the
     * system property {@code mdlm.cache.dir}, else the environment variable {@code MDLM_CACHE}, else
     * {@code ~/.cache/mdlm}.
     */
    public static Path defaultDirectory() {
        String p = System.getProperty("mdlm.cache.dir");
        if (p == null || p.isBlank()) {
            p = System.getenv("MDLM_CACHE");
        }
        Path base = p == null || p.isBlank() ? Path.of(System.getProperty("user.home"), ".cache", "mdlm") : Path.of(p);
        return base.resolve("dna");
    }

    /**
     * The genome of a FASTA file: mapped from the cache when an entry for this file (same path, size
     * and modification time) exists, else read and stored.
     *
     * @throws DataException if the file is missing or malformed, or the cache folder is not writable
     */
    public Genome load(Path fasta) {
        if (!Files.isRegularFile(fasta)) {
            return FastaReader.read(fasta, new MemoryBaseSink());
        }
        Source source = Source.of(fasta);
        Path bases = dir.resolve(source.stem() + ".bases");
        Path index = dir.resolve(source.stem() + ".index");
        Genome cached = tryRead(index, bases, source);
        if (cached != null) {
            return cached;
        }
        createDirectory();
        String tmp = ".tmp-" + UUID.randomUUID();
        Path basesTmp = dir.resolve(source.stem() + ".bases" + tmp);
        Path indexTmp = dir.resolve(source.stem() + ".index" + tmp);
        Genome genome = FastaReader.read(fasta, sink(basesTmp));
        try {
            writeIndex(indexTmp, source, genome);
            move(basesTmp, bases);
            move(indexTmp, index);
        } catch (IOException e) {
            deleteQuietly(basesTmp);
            deleteQuietly(indexTmp);
            throw new DataException("could not write the genome cache " + dir + ": " + e + "; set domain.cache_dir to "
                    + "a writable folder with room for one byte per base", e);
        }
        return genome;
    }

    /**
     * The genome of a FASTA stream (e.g. standard input), kept in a temporary file of the cache
     * folder that is deleted once mapped (it stays readable until the program ends).
     *
     * @throws DataException if the stream is malformed or the cache folder is not writable
     */
    public Genome loadStream(InputStream in, String source) {
        createDirectory();
        Path tmp = dir.resolve("stream-" + UUID.randomUUID() + ".bases.tmp");
        Genome genome = FastaReader.read(in, source, sink(tmp));
        try {
            Files.deleteIfExists(tmp);
        } catch (IOException e) {
            tmp.toFile().deleteOnExit();
        }
        return genome;
    }

    private FileBaseSink sink(Path file) {
        try {
            return new FileBaseSink(file);
        } catch (IOException e) {
            throw new DataException("could not create " + file + " in the genome cache: " + e
                    + "; set domain.cache_dir to a writable folder", e);
        }
    }

    private void createDirectory() {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new DataException("could not create the genome cache folder " + dir + ": " + e
                    + "; set domain.cache_dir to a writable folder (default ~/.cache/mdlm)", e);
        }
    }

    private static Genome tryRead(Path index, Path bases, Source source) {
        if (!Files.isRegularFile(index) || !Files.isRegularFile(bases)) {
            return null;
        }
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(index)))) {
            if (in.readInt() != MAGIC || in.readInt() != VERSION || !in.readUTF().equals(source.path())
                    || in.readLong() != source.size() || in.readLong() != source.modified()) {
                return null;
            }
            long length = in.readLong();
            int count = in.readInt();
            List<Chromosome> chromosomes = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                chromosomes.add(new Chromosome(in.readUTF(), in.readLong(), in.readLong()));
            }
            int runs = in.readInt();
            long[] starts = new long[runs];
            long[] ends = new long[runs];
            for (int i = 0; i < runs; i++) {
                starts[i] = in.readLong();
                ends[i] = in.readLong();
            }
            if (Files.size(bases) != length) {
                return null;
            }
            return new Genome(chromosomes, FileBaseSink.map(bases, length), NRuns.of(starts, ends));
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private static void writeIndex(Path file, Source source, Genome genome) throws IOException {
        try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(file)))) {
            out.writeInt(MAGIC);
            out.writeInt(VERSION);
            out.writeUTF(source.path());
            out.writeLong(source.size());
            out.writeLong(source.modified());
            out.writeLong(genome.length());
            out.writeInt(genome.chromosomes().size());
            for (Chromosome c : genome.chromosomes()) {
                out.writeUTF(c.name());
                out.writeLong(c.start());
                out.writeLong(c.length());
            }
            NRuns runs = genome.nRuns();
            out.writeInt(runs.size());
            for (int i = 0; i < runs.size(); i++) {
                out.writeLong(runs.start(i));
                out.writeLong(runs.end(i));
            }
        }
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static void deleteQuietly(Path p) {
        try {
            Files.deleteIfExists(p);
        } catch (IOException ignored) {
            // best effort
        }
    }

    /** What identifies a source file's version: its absolute path, size and modification time. */
    private record Source(String path, long size, long modified) {

        static Source of(Path file) {
            try {
                Path real = file.toRealPath();
                return new Source(real.toString(), Files.size(real), Files.getLastModifiedTime(real).toMillis());
            } catch (IOException e) {
                throw new DataException("could not read " + file + ": " + e, e);
            }
        }

        /**
         * File name stem: the source's name (for people) and a hash of its path; a newer version of
         * the same file replaces the entry.
         */
        String stem() {
            String name = Path.of(path).getFileName().toString().replaceAll("[^A-Za-z0-9._-]", "_");
            try {
                byte[] h = MessageDigest.getInstance("SHA-256").digest(
                        path.getBytes(StandardCharsets.UTF_8));
                return name + "-" + HexFormat.of().formatHex(h, 0, 8);
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("SHA-256 is missing from this Java", e);
            }
        }
    }
}
