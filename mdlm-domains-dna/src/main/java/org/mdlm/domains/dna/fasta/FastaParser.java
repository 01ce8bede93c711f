package org.mdlm.domains.dna.fasta;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.mdlm.api.domain.DataException;
import org.mdlm.domains.dna.NucleotideVocabulary;

/**
 * The FASTA grammar, one byte at a time, writing ids to a {@link BaseSink}:
 * <ul>
 *   <li>a record starts with a header line {@code >name description}; its name is the first word
 *       after {@code >} (spaces right after {@code >} are skipped) and must be unique;</li>
 *   <li>its sequence lines follow, of any length; spaces, tabs and {@code \r} are ignored, blank
 *       lines too; lines starting with {@code ;} are comments;</li>
 *   <li>{@code A C G T} in either case (lower case is soft-masked sequence) are ids 0-3; {@code N}
 *       and the other IUPAC nucleotide codes {@code R Y S W K M B D H V U}, either case, are all
 *       read as {@code N} (id 4): an ambiguous base is an unknown base to the model (U, uracil,
 *       appears only in RNA; it is counted with the ambiguous codes rather than guessed as T).</li>
 * </ul>
 * Refused, with the source, line and column: sequence before the first header, any other
 * character (digits, {@code - * .}, other letters, non-ASCII bytes), a header without a name, a
 * repeated name, and a record without bases.
 */
final class FastaParser {

    private static final byte NEWLINE = 5;
    private static final byte SKIP = 6;
    private static final byte HEADER = 7;
    private static final byte COMMENT = 8;
    private static final byte ILLEGAL = 9;
    private static final byte[] CLASS = new byte[256];

    static {
        java.util.Arrays.fill(CLASS, ILLEGAL);
        String bases = "ACGT";
        for (int id = 0; id < 4; id++) {
            CLASS[bases.charAt(id)] = (byte) id;
            CLASS[Character.toLowerCase(bases.charAt(id))] = (byte) id;
        }
        for (char c : "NRYSWKMBDHVU".toCharArray()) {
            CLASS[c] = NucleotideVocabulary.N;
            CLASS[Character.toLowerCase(c)] = NucleotideVocabulary.N;
        }
        CLASS['\n'] = NEWLINE;
        CLASS[' '] = SKIP;
        CLASS['\t'] = SKIP;
        CLASS['\r'] = SKIP;
        CLASS['>'] = HEADER;
        CLASS[';'] = COMMENT;
    }

    private enum State { SEQUENCE, NAME_START, NAME, HEADER_REST, COMMENT }

    private final String source;
    private final BaseSink sink;
    private final byte[] out = new byte[1 << 16];
    private int pending;
    private long position;
    private long line = 1;
    private long lineStartByte;
    private long consumed;
    private boolean lineStart = true;
    private State state = State.SEQUENCE;
    private final ByteArrayOutputStream name = new ByteArrayOutputStream();
    private String recordName;
    private long recordLine;
    private long recordStart;
    private long runStart = -1;
    private final NRuns.Builder runs = new NRuns.Builder();
    private final List<Chromosome> chromosomes = new ArrayList<>();
    private final Map<String, Long> headerLines = new HashMap<>();

    /**
     * A parser of the FASTA text of {@code source}.
     *
     * @param source the name used in error messages (a path, or "standard input")
     */
    FastaParser(String source, BaseSink sink) {
        this.source = source;
        this.sink = sink;
    }

    /**
     * Reads the whole (already decompressed) stream and returns the genome.
     *
     * @throws IOException if reading or writing fails
     * @throws DataException if the text is not well-formed FASTA
     */
    Genome parse(InputStream in) throws IOException {
        byte[] buf = new byte[1 << 16];
        for (int n = in.read(buf); n >= 0; n = in.read(buf)) {
            consume(buf, n);
            consumed += n;
        }
        endOfInput();
        Bases bases = sink.finish();
        return new Genome(chromosomes, bases, runs.build());
    }

    private void consume(byte[] buf, int n) throws IOException {
        for (int i = 0; i < n; i++) {
            int b = buf[i] & 0xff;
            byte c = CLASS[b];
            if (state == State.SEQUENCE && c <= NucleotideVocabulary.N) {
                if (recordName == null) {
                    throw notFasta(i, b);
                }
                if (c == NucleotideVocabulary.N) {
                    if (runStart < 0) {
                        runStart = position;
                    }
                } else if (runStart >= 0) {
                    runs.add(runStart, position);
                    runStart = -1;
                }
                out[pending++] = c;
                position++;
                lineStart = false;
                if (pending == out.length) {
                    flush();
                }
                continue;
            }
            if (c == NEWLINE) {
                if (state == State.NAME_START || state == State.NAME) {
                    endName(i);
                }
                state = State.SEQUENCE;
                line++;
                lineStartByte = consumed + i + 1;
                lineStart = true;
                continue;
            }
            switch (state) {
                case COMMENT, HEADER_REST -> {
                }
                case NAME_START -> {
                    if (c != SKIP) {
                        state = State.NAME;
                        name.write(b);
                    }
                }
                case NAME -> {
                    if (c == SKIP || b == 0x0b || b == 0x0c) {
                        endName(i);
                        state = State.HEADER_REST;
                    } else {
                        name.write(b);
                    }
                }
                case SEQUENCE -> {
                    if (c == SKIP) {
                        continue;
                    }
                    if (c == HEADER && lineStart) {
                        endRecord();
                        state = State.NAME_START;
                        name.reset();
                        recordLine = line;
                    } else if (c == COMMENT && lineStart) {
                        state = State.COMMENT;
                    } else if (recordName == null) {
                        throw notFasta(i, b);
                    } else {
                        throw new DataException(where(i) + ": illegal character " + describe(b) + " in the sequence of "
                                + recordName + "; a genome FASTA holds only the letters A C G T N and the IUPAC codes "
                                + "R Y S W K M B D H V U (either case); fix or remove that line");
                    }
                }
                default -> throw new IllegalStateException(state.name());
            }
        }
    }

    private void endName(int i) {
        String n = name.toString(StandardCharsets.UTF_8);
        if (n.isEmpty()) {
            throw new DataException(where(i) + ": the header line has no name after '>'; give every record a name, "
                    + "e.g. >chr1");
        }
        Long first = headerLines.putIfAbsent(n, line);
        if (first != null) {
            throw new DataException(where(i) + ": the record name " + n + " was already used on line " + first
                    + "; record names must be unique");
        }
        recordName = n;
        recordStart = position;
    }

    private void endRecord() throws IOException {
        if (recordName == null) {
            return;
        }
        if (position == recordStart) {
            throw new DataException(source + ", line " + recordLine + ": the record " + recordName + " has no bases; "
                    + "remove its header or add its sequence");
        }
        if (runStart >= 0) {
            runs.add(runStart, position);
            runStart = -1;
        }
        chromosomes.add(new Chromosome(recordName, recordStart, position - recordStart));
        flush();
    }

    private void endOfInput() throws IOException {
        if (state == State.NAME_START || state == State.NAME) {
            endName(0);
        }
        if (recordName == null) {
            throw new DataException(source + " holds no FASTA record" + (consumed == 0 ? " (it is empty)" : "")
                    + "; a FASTA file starts with a header line such as >chr1, followed by sequence lines");
        }
        endRecord();
    }

    private void flush() throws IOException {
        sink.write(out, 0, pending);
        pending = 0;
    }

    private DataException notFasta(int i, int b) {
        return new DataException(where(i) + ": " + source + " is not FASTA: it has " + describe(b)
                + " before any '>' header line; a FASTA file starts with a header such as >chr1 (give a .fa, .fasta, "
                + ".fa.gz or bgzip FASTA file)");
    }

    private String where(int i) {
        return source + ", line " + line + ", column " + (consumed + i - lineStartByte + 1);
    }

    private static String describe(int b) {
        return b >= 0x21 && b < 0x7f ? "'" + (char) b + "'" : String.format("byte 0x%02X", b);
    }
}
