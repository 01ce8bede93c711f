package org.mdlm.domains.dna.fasta;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.mdlm.api.domain.DataException;

/**
 * Reads a FASTA genome, plain or gzip-compressed, from a file or any stream (a pipe, standard
 * input), into a {@link Genome} whose records keep their names and exact sequences (the grammar and
 * what is refused: {@link FastaParser}).
 *
 * <p>Gzip is recognised by its magic bytes, not by the file name. A gzip stream may hold several
 * members one after the other, as bgzip files do (chromosome 20 of the project's data has 983);
 * every member is read, from pipes too ({@link Gzip}).
 */
public final class FastaReader {

    private FastaReader() {
    }

    /**
     * Reads a FASTA file into memory.
     *
     * @throws DataException if the file is missing, unreadable, truncated or not well-formed FASTA
     */
    public static Genome read(Path file) {
        return read(file, new MemoryBaseSink());
    }

    /**
     * Reads a FASTA file into {@code sink}; the sink is closed (an unfinished one releases what it
     * holds) before this returns or throws.
     *
     * @throws DataException if the file is missing, unreadable, truncated or not well-formed FASTA
     */
    public static Genome read(Path file, BaseSink sink) {
        if (!Files.isRegularFile(file)) {
            closeQuietly(sink);
            throw new DataException("FASTA file " + file + " (" + file.toAbsolutePath() + ") does not exist or is "
                    + "not a file; set data to a .fa, .fasta, .fa.gz or bgzip FASTA file");
        }
        try (InputStream in = Files.newInputStream(file)) {
            return read(in, file.toString(), sink);
        } catch (IOException e) {
            throw unreadable(file.toString(), e);
        }
    }

    /**
     * Reads FASTA text, plain or gzipped, from a stream (which is read to its end but not closed)
     * into {@code sink}; the sink is closed before this returns or throws.
     *
     * @param source the stream's name for error messages, e.g. "standard input"
     * @throws DataException if reading fails or the text is not well-formed FASTA
     */
    public static Genome read(InputStream in, String source, BaseSink sink) {
        try (BaseSink s = sink) {
            return new FastaParser(source, s).parse(Gzip.decompressed(in));
        } catch (IOException e) {
            throw unreadable(source, e);
        }
    }

    private static DataException unreadable(String source, IOException e) {
        return new DataException("could not read " + source + ": " + e
                + "; check that it is readable and, if gzipped, not truncated", e);
    }

    private static void closeQuietly(BaseSink sink) {
        try {
            sink.close();
        } catch (IOException ignored) {
            // nothing was written
        }
    }
}
