package org.mdlm.domains.dna;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.zip.GZIPInputStream;
import org.mdlm.api.domain.DataException;

/**
 * Reads FASTA files, plain or gzipped (bgzip files, which are several gzip members one after the
 * other, included; gzip is detected by its magic bytes, not the file name).
 *
 * <p>The sequence lines of all records are concatenated in file order into one sequence of
 * {@link NucleotideVocabulary} ids, one byte per base: {@code A/C/G/T} in either case map to 0-3
 * and every other residue character ({@code N}, IUPAC codes, {@code -}, ...) to {@code N}.
 * Header lines ({@code >...}) and old-style comment lines ({@code ;...}) are skipped, as are
 * spaces, tabs and line ends ({@code \n} or {@code \r\n}).
 */
public final class FastaReader {

    private static final int BUFFER = 1 << 20;
    private static final int MAX_LENGTH = Integer.MAX_VALUE - 16;

    private FastaReader() {
    }

    /**
     * Reads every base of a FASTA file.
     *
     * @throws DataException if the file is missing, unreadable or not FASTA
     */
    public static byte[] read(Path file) {
        return read(file, Long.MAX_VALUE);
    }

    /**
     * Reads the first {@code limit} bases of a FASTA file (all of it if it is shorter); reading
     * stops there, so a prefix of a large genome is cheap.
     *
     * @throws IllegalArgumentException if {@code limit} is negative
     * @throws DataException if the file is missing, unreadable or not FASTA
     */
    public static byte[] read(Path file, long limit) {
        if (!Files.isRegularFile(file)) {
            throw new DataException("FASTA file " + file + " (" + file.toAbsolutePath() + ") does not exist or is "
                    + "not a file; set data to a .fa, .fasta, .fa.gz or bgzip FASTA file");
        }
        long size;
        try {
            size = Files.size(file);
        } catch (IOException e) {
            throw new DataException("could not read " + file + ": " + e, e);
        }
        long guess = file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".gz") ? size * 4 : size;
        try (InputStream in = Files.newInputStream(file)) {
            return read(in, file.toString(), limit, (int) Math.min(Math.min(guess, limit), MAX_LENGTH));
        } catch (IOException e) {
            throw new DataException("could not read " + file + ": " + e
                    + "; check that the file is readable and, if gzipped, not truncated", e);
        }
    }

    /**
     * Reads at most {@code limit} bases from a FASTA stream (gzip detected by its magic bytes).
     *
     * @param name the source's name for error messages
     * @throws IOException if reading or decompressing fails
     * @throws DataException if the content is not FASTA (it must start with a {@code >} header)
     */
    public static byte[] read(InputStream raw, String name, long limit) throws IOException {
        return read(raw, name, limit, 1 << 16);
    }

    private static byte[] read(InputStream raw, String name, long limit, int capacity) throws IOException {
        if (limit < 0) {
            throw new IllegalArgumentException("limit: " + limit + " is negative; give 0 or more bases");
        }
        InputStream in = maybeGunzip(raw);
        byte[] out = new byte[Math.max(16, capacity)];
        int size = 0;
        byte[] buf = new byte[BUFFER];
        boolean lineStart = true;
        boolean inHeader = false;
        boolean sawHeader = false;
        long cap = Math.min(limit, MAX_LENGTH);
        int n;
        while (size < cap && (n = in.read(buf)) > 0) {
            for (int i = 0; i < n; i++) {
                int b = buf[i] & 0xff;
                if (b == '\n') {
                    lineStart = true;
                    inHeader = false;
                } else if (inHeader || b == '\r' || b == ' ' || b == '\t') {
                    continue;
                } else if (lineStart && (b == '>' || b == ';')) {
                    inHeader = true;
                    sawHeader = true;
                } else {
                    if (!sawHeader) {
                        throw new DataException(name + " is not FASTA: it should start with a '>' header line "
                                + "but starts with '" + (char) b + "'; give a FASTA file (.fa, .fa.gz)");
                    }
                    lineStart = false;
                    if (size == out.length) {
                        out = Arrays.copyOf(out, (int) Math.min(MAX_LENGTH, out.length * 2L));
                    }
                    out[size++] = (byte) NucleotideVocabulary.idOf(b);
                    if (size == cap) {
                        break;
                    }
                }
            }
        }
        if (size == MAX_LENGTH && limit > MAX_LENGTH) {
            throw new DataException(name + " holds more than " + MAX_LENGTH + " bases, more than one array can "
                    + "hold; split it into smaller FASTA files");
        }
        return out.length == size ? out : Arrays.copyOf(out, size);
    }

    private static InputStream maybeGunzip(InputStream raw) throws IOException {
        BufferedInputStream in = new BufferedInputStream(raw, 1 << 16);
        in.mark(2);
        int b0 = in.read();
        int b1 = in.read();
        in.reset();
        return b0 == 0x1f && b1 == 0x8b ? new GZIPInputStream(in, 1 << 16) : in;
    }
}
