package org.mdlm.cli.run;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.mdlm.api.domain.Domain;
import org.mdlm.cli.config.ConfigException;

/**
 * The fixed tokens of a constrained sample ({@code mdlm sample --prefix / --infill}): one row of
 * the sample length holding the fixed tokens, with the mask id at every position the sampler
 * draws. Every sequence of the batch starts from this row (see
 * {@link org.mdlm.api.sampling.SampleRequest#initial()}: non-mask tokens are never changed).
 *
 * <p>Text is encoded with the domain's own {@link Domain#encode}; a part is accepted only when the
 * domain writes it back exactly ({@link Domain#decode}), so that the fixed text appears unchanged in
 * the samples. For character-level domains, whose encoders may trim or normalise (text8 trims
 * spaces at the ends), a part that does not survive the round trip is mapped character by character
 * through the vocabulary (each id's own character), so that the space before or after a gap is
 * kept; a character with no id of its own is refused. For other domains (DNA, token-id domains)
 * whitespace is a separator and is ignored in the comparison.
 *
 * @param row the starting row: fixed tokens, the mask id at free positions
 * @param maskId the mask id
 * @param gaps the free stretches, in order (for a prefix: the rest of the sequence, if any)
 * @param textAfterGap whether a fixed token follows a free position (not left to right)
 * @param kind {@code "prefix"} or {@code "infill"}
 */
public record SampleTemplate(int[] row, int maskId, List<Gap> gaps, boolean textAfterGap, String kind) {

    /** The gap marker used when none is given. */
    public static final String DEFAULT_GAP_MARKER = "___";

    /**
     * A stretch of free (sampled) positions.
     *
     * @param start its first position
     * @param length its number of positions
     */
    public record Gap(int start, int length) {
    }

    /** The sequence length. */
    public int length() {
        return row.length;
    }

    /** The positions holding a fixed token, ascending. */
    public int[] fixedPositions() {
        return java.util.stream.IntStream.range(0, row.length).filter(i -> row[i] != maskId).toArray();
    }

    /** {@code batch} copies of the row, for {@link org.mdlm.api.sampling.SampleRequest}. */
    public int[][] rows(int batch) {
        int[][] out = new int[batch][];
        for (int b = 0; b < batch; b++) {
            out[b] = row.clone();
        }
        return out;
    }

    /** E.g. "infill: 17 of 64 positions fixed, 2 gaps (24 tokens at 8, 23 at 41)". */
    public String describe() {
        StringBuilder sb = new StringBuilder(kind).append(": ").append(fixedPositions().length).append(" of ")
                .append(row.length).append(" positions fixed");
        if (kind.equals("infill")) {
            sb.append(", ").append(gaps.size()).append(gaps.size() == 1 ? " gap (" : " gaps (");
            for (int i = 0; i < gaps.size(); i++) {
                sb.append(i == 0 ? "" : ", ").append(gaps.get(i).length()).append(i == 0 ? " tokens at " : " at ")
                        .append(gaps.get(i).start());
            }
            sb.append(')');
        }
        return sb.toString();
    }

    /**
     * The first tokens fixed to {@code text}, the rest free.
     *
     * @param domainName the domain's provider name, for messages
     * @throws ConfigException if the domain cannot encode the text as written, or it is longer than {@code length}
     */
    public static SampleTemplate prefix(Domain domain, String domainName, String text, int length) {
        int[] ids = encodeExactly(domain, domainName, text, "the --prefix");
        if (ids.length > length) {
            throw new ConfigException("the --prefix is " + ids.length + " tokens, more than the sample length "
                    + length + "; shorten it or raise --length");
        }
        int mask = domain.vocabulary().maskId();
        int[] row = new int[length];
        Arrays.fill(row, mask);
        System.arraycopy(ids, 0, row, 0, ids.length);
        List<Gap> gaps = ids.length < length ? List.of(new Gap(ids.length, length - ids.length)) : List.of();
        return new SampleTemplate(row, mask, gaps, false, "prefix");
    }

    /**
     * A template of known text and gaps: {@code "the cat ___ on the mat"}.
     *
     * @param domainName the domain's provider name, for messages
     * @param template text in the domain's own form, each gap written as {@code marker}
     * @param marker the gap marker (e.g. {@value #DEFAULT_GAP_MARKER})
     * @param gapLength tokens per gap, or null to spread {@code length} minus the known tokens evenly
     *                  over the gaps (earlier gaps take one more when it does not divide)
     * @param length the sample length, or null: then {@code gapLength} decides it (known tokens plus
     *               the gaps), or, without it, {@code defaultLength}
     * @param defaultLength the length used when neither is given (the config's sample.length)
     * @throws ConfigException for a template without gaps, text the domain cannot encode as written,
     *                         known parts that do not leave one position per gap, or a length and gap
     *                         length that disagree
     */
    public static SampleTemplate infill(Domain domain, String domainName, String template, String marker,
                                        Integer gapLength, Integer length, int defaultLength) {
        if (marker == null || marker.isEmpty()) {
            throw new ConfigException("--gap-marker must not be empty");
        }
        String[] parts = template.split(Pattern.quote(marker), -1);
        int gapCount = parts.length - 1;
        if (gapCount == 0) {
            throw new ConfigException("the --infill template '" + template + "' has no gap: write each gap as '"
                    + marker + "', e.g. \"the cat " + marker + " on the mat\"");
        }
        List<int[]> encoded = new ArrayList<>();
        int known = 0;
        boolean textAfterGap = false;
        for (int i = 0; i < parts.length; i++) {
            int[] ids = encodeExactly(domain, domainName, parts[i], "the --infill text '" + parts[i] + "'");
            encoded.add(ids);
            known += ids.length;
            textAfterGap |= i > 0 && ids.length > 0;
        }
        int[] sizes = new int[gapCount];
        int total;
        if (gapLength != null) {
            if (gapLength < 1) {
                throw new ConfigException("--gap-length must be at least 1, got " + gapLength);
            }
            total = known + gapCount * gapLength;
            if (length != null && length != total) {
                throw new ConfigException("--length " + length + " disagrees with the template: " + known
                        + " known tokens and " + gapCount + " gap" + (gapCount == 1 ? "" : "s") + " of " + gapLength
                        + " make " + total + "; give only one of --length and --gap-length");
            }
            Arrays.fill(sizes, gapLength);
        } else {
            total = length != null ? length : defaultLength;
            int free = total - known;
            if (free < 0) {
                throw new ConfigException("the known parts of the --infill template are " + known
                        + " tokens, more than the sample length " + total + "; raise --length or shorten the template");
            }
            if (free < gapCount) {
                throw new ConfigException("the --infill template has " + gapCount + " gaps but its known parts ("
                        + known + " tokens) leave only " + free + " of the " + total
                        + " positions; raise --length or give --gap-length");
            }
            for (int g = 0; g < gapCount; g++) {
                sizes[g] = free / gapCount + (g < free % gapCount ? 1 : 0);
            }
        }
        int mask = domain.vocabulary().maskId();
        int[] row = new int[total];
        List<Gap> gaps = new ArrayList<>();
        int at = 0;
        for (int i = 0; i < parts.length; i++) {
            int[] ids = encoded.get(i);
            System.arraycopy(ids, 0, row, at, ids.length);
            at += ids.length;
            if (i < gapCount) {
                Arrays.fill(row, at, at + sizes[i], mask);
                gaps.add(new Gap(at, sizes[i]));
                at += sizes[i];
            }
        }
        return new SampleTemplate(row, mask, List.copyOf(gaps), textAfterGap, "infill");
    }

    /**
     * The ids of {@code text}, such that the domain decodes them back to exactly {@code text}.
     *
     * @throws ConfigException naming the first character the domain cannot encode as written
     */
    static int[] encodeExactly(Domain domain, String domainName, String text, String what) {
        if (text.isEmpty()) {
            return new int[0];
        }
        int mask = domain.vocabulary().maskId();
        int[] ids;
        try {
            ids = domain.encode(text);
        } catch (RuntimeException e) {
            throw new ConfigException(what + " cannot be encoded by the " + domainName + " domain: " + e.getMessage(), e);
        }
        boolean hasMask = Arrays.stream(ids).anyMatch(id -> id == mask);
        String reading = hasMask ? null : domain.decode(ids);
        if (!hasMask && reading.equals(text)) {
            return ids;
        }
        if (domain.characterLevel()) {
            Map<Character, Integer> table = characterTable(domain);
            int[] out = new int[text.length()];
            for (int i = 0; i < text.length(); i++) {
                Integer id = table.get(text.charAt(i));
                if (id == null) {
                    int cp = text.codePointAt(i);
                    throw new ConfigException(what + " has a character the " + domainName + " domain cannot encode: '"
                            + new String(Character.toChars(cp)) + "' (U+" + String.format("%04X", cp) + ") at "
                            + i + (reading == null ? "" : "; the domain would read the text as '" + reading + "'")
                            + "; write the text in the domain's own alphabet");
                }
                out[i] = id;
            }
            return out;
        }
        if (!hasMask && reading.replaceAll("\\s+", "").equals(text.replaceAll("\\s+", ""))) {
            return ids;
        }
        throw new ConfigException(what + " is not text the " + domainName + " domain can encode as written: "
                + (hasMask ? "it holds the mask token (mark free positions as gaps instead)"
                : "it reads it as '" + reading + "'") + "; write the text in the domain's own form");
    }

    /** Each single character the domain decodes one id (other than the mask and padding) to. */
    private static Map<Character, Integer> characterTable(Domain domain) {
        var vocab = domain.vocabulary();
        Map<Character, Integer> table = new HashMap<>();
        for (int id = 0; id < vocab.size(); id++) {
            if (id == vocab.maskId() || (vocab.padId().isPresent() && vocab.padId().getAsInt() == id)) {
                continue;
            }
            String s;
            try {
                s = domain.decode(new int[] {id});
            } catch (RuntimeException e) {
                continue;
            }
            if (s.length() == 1) {
                table.putIfAbsent(s.charAt(0), id);
            }
        }
        return table;
    }
}
