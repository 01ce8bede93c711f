package org.mdlm.domains.dna.windows;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.mdlm.api.domain.DataException;
import org.mdlm.domains.dna.fasta.Chromosome;
import org.mdlm.domains.dna.fasta.Genome;
import org.mdlm.domains.dna.fasta.Gzip;

/**
 * Reads genome intervals from a BED file or a TSV file of the same columns (plain or gzipped):
 * {@code chrom start end}, 0-based and half-open as in BED, separated by tabs or spaces; further
 * columns are ignored. Blank lines and lines starting with {@code #}, {@code track} or
 * {@code browser} are skipped, as is a header line ({@code chrom start end}) before the first
 * interval. Refused, with file and line: fewer than three columns, a start or end that is not a
 * whole number, {@code start < 0}, {@code end <= start}, an end past the chromosome's length, and a
 * chromosome the genome does not have.
 */
public final class IntervalFile {

    private IntervalFile() {
    }

    /**
     * The intervals of {@code file} as genome regions, {@linkplain Regions#normalize normalized}
     * (overlaps merged).
     *
     * @throws DataException if the file is missing, unreadable or malformed, or names an unknown chromosome
     */
    public static List<Region> read(Path file, Genome genome) {
        if (!Files.isRegularFile(file)) {
            throw new DataException("intervals file " + file + " (" + file.toAbsolutePath() + ") does not exist or is "
                    + "not a file; set intervals to a BED file (chrom start end, 0-based half-open) or leave it null");
        }
        List<Region> out = new ArrayList<>();
        try (InputStream raw = Files.newInputStream(file);
             BufferedReader r = new BufferedReader(new InputStreamReader(Gzip.decompressed(raw), StandardCharsets.UTF_8))) {
            boolean first = true;
            long number = 0;
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                number++;
                String t = line.strip();
                if (t.isEmpty() || t.startsWith("#") || t.startsWith("track") || t.startsWith("browser")) {
                    continue;
                }
                String[] f = t.split("\\s+");
                if (first && f.length >= 3 && !isWholeNumber(f[1]) && !isWholeNumber(f[2])) {
                    first = false;
                    continue;
                }
                first = false;
                out.add(parse(file, number, f, genome));
            }
        } catch (IOException e) {
            throw new DataException("could not read the intervals file " + file + ": " + e
                    + "; check that it is readable and, if gzipped, not truncated", e);
        }
        if (out.isEmpty()) {
            throw new DataException("intervals file " + file + " holds no interval; give lines chrom start end, "
                    + "e.g. chr20<TAB>100000<TAB>200000");
        }
        return Regions.normalize(out);
    }

    private static Region parse(Path file, long line, String[] f, Genome genome) {
        String where = file + ", line " + line + ": ";
        if (f.length < 3) {
            throw new DataException(where + "expected chrom start end, found " + f.length + " column"
                    + (f.length == 1 ? "" : "s") + "; separate the columns with tabs");
        }
        Optional<Chromosome> c = genome.chromosome(f[0]);
        if (c.isEmpty()) {
            throw new DataException(where + "chromosome " + f[0] + " is not in the genome; its records are "
                    + genome.names(30) + "; use names as in the FASTA headers");
        }
        long start = number(where, "start", f[1]);
        long end = number(where, "end", f[2]);
        if (start < 0 || end <= start) {
            throw new DataException(where + "interval [" + start + ", " + end + ") is empty or negative; BED intervals "
                    + "are 0-based and half-open, so end must be greater than start");
        }
        if (end > c.get().length()) {
            throw new DataException(where + "end " + end + " lies past the end of " + f[0] + ", which has "
                    + c.get().length() + " bases; is the file for another genome build?");
        }
        int index = genome.indexOf(f[0]);
        return new Region(index, c.get().start() + start, c.get().start() + end);
    }

    private static long number(String where, String what, String text) {
        if (!isWholeNumber(text)) {
            throw new DataException(where + what + " '" + text + "' is not a whole number; give 0-based positions");
        }
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw new DataException(where + what + " '" + text + "' is too large", e);
        }
    }

    private static boolean isWholeNumber(String s) {
        return s.matches("-?[0-9]+");
    }
}
