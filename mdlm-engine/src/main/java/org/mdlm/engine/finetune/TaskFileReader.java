package org.mdlm.engine.finetune;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.OptionalInt;
import java.util.TreeSet;
import org.mdlm.api.domain.DataException;
import org.mdlm.api.domain.Domain;

/**
 * Reads a classification task file: UTF-8 text, one row per line, {@code sequence<TAB>label}.
 * An optional first line naming the columns ({@code seq} or {@code sequence}, then {@code label} or
 * {@code class}, in any case) is a header and skipped; blank lines are skipped. Sequences are
 * encoded with the domain's own {@link Domain#encode} (the dna domain reads any letter other than
 * A, C, G, T as N, and the reader counts such changed characters). Class names are the distinct
 * labels, sorted.
 *
 * <p>Lengths: when every sequence encodes to the same number of tokens, that is the task's length.
 * Otherwise the rows are padded at the end to the longest with the vocabulary's pad id when it has
 * one (padded positions are left out of attention and of the pooled features); a vocabulary without
 * a pad id (dna) refuses unequal lengths, naming the first row that differs: nothing is cropped
 * silently.
 */
public final class TaskFileReader {

    private TaskFileReader() {
    }

    /**
     * Reads the rows of {@code file}.
     *
     * @param limit read only the first {@code limit} rows (0: all)
     * @throws DataException when the file is missing or unreadable, a row is malformed (naming the file
     *                       and line), no row is left, there are fewer than two labels, or lengths differ
     *                       and the vocabulary cannot pad
     */
    public static ClassificationTask read(Path file, Domain domain, int limit) {
        if (limit < 0) {
            throw new IllegalArgumentException("limit must be >= 0 (0: all rows), got " + limit);
        }
        if (!Files.isRegularFile(file)) {
            throw new DataException("task file " + file + " does not exist or is not a file; give a text file with one"
                    + " 'sequence<TAB>label' row per line");
        }
        List<String> sequences = new ArrayList<>();
        List<String> labels = new ArrayList<>();
        List<Integer> lines = new ArrayList<>();
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            int number = 0;
            while ((line = in.readLine()) != null && (limit == 0 || sequences.size() < limit)) {
                number++;
                if (line.endsWith("\r")) {
                    line = line.substring(0, line.length() - 1);
                }
                if (line.isBlank() || (number == 1 && isHeader(line))) {
                    continue;
                }
                String[] fields = line.split("\t", -1);
                if (fields.length != 2) {
                    throw malformed(file, number, "expected 2 tab-separated fields (sequence, label), found "
                            + fields.length);
                }
                String seq = fields[0].strip();
                String label = fields[1].strip();
                if (seq.isEmpty()) {
                    throw malformed(file, number, "the sequence is empty");
                }
                if (label.isEmpty()) {
                    throw malformed(file, number, "the label is empty");
                }
                sequences.add(seq);
                labels.add(label);
                lines.add(number);
            }
        } catch (CharacterCodingException e) {
            throw new DataException("task file " + file + " is not UTF-8 text; save it as UTF-8", e);
        } catch (IOException e) {
            throw new DataException("cannot read task file " + file + ": " + e.getMessage(), e);
        }
        if (sequences.isEmpty()) {
            throw new DataException("task file " + file + " has no rows; give one 'sequence<TAB>label' row per line");
        }
        List<String> classes = List.copyOf(new TreeSet<>(labels));
        if (classes.size() < 2) {
            throw new DataException("task file " + file + " has only the label '" + classes.get(0) + "'"
                    + (limit > 0 ? " in its first " + limit + " rows" : "") + "; a classifier needs at least two"
                    + (limit > 0 ? " (raise --limit)" : ""));
        }
        return encode(file, domain, sequences, labels, lines, classes);
    }

    private static ClassificationTask encode(Path file, Domain domain, List<String> sequences, List<String> labels,
                                             List<Integer> lines, List<String> classes) {
        int n = sequences.size();
        int[][] tokens = new int[n][];
        int changed = 0;
        boolean perCharacter = true;
        int longest = 0;
        for (int i = 0; i < n; i++) {
            String seq = sequences.get(i);
            tokens[i] = domain.encode(seq);
            if (tokens[i].length == 0) {
                throw malformed(file, lines.get(i), "the sequence encodes to no tokens in this domain");
            }
            longest = Math.max(longest, tokens[i].length);
            if (perCharacter) {
                int c = changedCharacters(seq, domain.decode(tokens[i]));
                if (c < 0) {
                    perCharacter = false;
                } else {
                    changed += c;
                }
            }
        }
        OptionalInt pad = domain.vocabulary().padId();
        int padded = 0;
        List<LabeledSequence> rows = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            int[] t = tokens[i];
            if (t.length != longest) {
                if (pad.isEmpty()) {
                    throw unequalLengths(file, lines, tokens, i, longest);
                }
                int from = t.length;
                t = Arrays.copyOf(t, longest);
                Arrays.fill(t, from, longest, pad.getAsInt());
                padded++;
            }
            rows.add(new LabeledSequence(t, classes.indexOf(labels.get(i)), lines.get(i)));
        }
        return new ClassificationTask(file.toString(), classes, rows, longest, perCharacter ? changed : -1, padded);
    }

    /** Characters of {@code original} that {@code decoded} does not give back (ignoring case); -1 if the lengths differ. */
    private static int changedCharacters(String original, String decoded) {
        String o = original.replaceAll("\\s", "");
        if (o.length() != decoded.length()) {
            return -1;
        }
        int c = 0;
        for (int i = 0; i < o.length(); i++) {
            if (Character.toUpperCase(o.charAt(i)) != Character.toUpperCase(decoded.charAt(i))) {
                c++;
            }
        }
        return c;
    }

    /** Row {@code row} is shorter than the longest row: names both lines. */
    private static DataException unequalLengths(Path file, List<Integer> lines, int[][] tokens, int row, int longest) {
        int other = 0;
        while (tokens[other].length != longest) {
            other++;
        }
        return new DataException(file + ":" + lines.get(row) + ": this sequence has " + tokens[row].length
                + " tokens but the one on line " + lines.get(other) + " has " + longest + "; the domain's vocabulary"
                + " has no padding token, so every sequence must have the same length: crop or pad the sequences"
                + " in the file to one length");
    }

    private static boolean isHeader(String line) {
        String[] f = line.toLowerCase(Locale.ROOT).split("\t", -1);
        return f.length == 2 && (f[0].strip().equals("seq") || f[0].strip().equals("sequence"))
                && (f[1].strip().equals("label") || f[1].strip().equals("class"));
    }

    private static DataException malformed(Path file, int line, String what) {
        return new DataException(file + ":" + line + ": malformed row: " + what
                + "; each row must be 'sequence<TAB>label'");
    }
}
