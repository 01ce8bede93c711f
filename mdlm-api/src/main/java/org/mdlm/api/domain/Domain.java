package org.mdlm.api.domain;

/**
 * A data domain: its vocabulary, its corpus splits as token streams, and conversion between text
 * and token ids.
 */
public interface Domain {

    /** The vocabulary, mask token included. */
    Vocabulary vocabulary();

    /**
     * Reads one split of the configured corpus.
     *
     * @throws DataException if the data is missing, empty or malformed
     */
    TokenStream read(Split split);

    /** Turns text (or the domain's raw form) into token ids. */
    int[] encode(String text);

    /** Turns token ids back into text. */
    String decode(int[] tokens);

    /** True when one token is one character, so that bits per character are meaningful. */
    boolean characterLevel();

    /**
     * What one token is, for reports: losses are given in nats per this unit. The default
     * {@code "token"} reports nats per token (and bits per character when {@link #characterLevel});
     * a domain whose tokens are a unit of their own names it (the DNA domain: {@code "base"}), and
     * reports then also give bits per that unit.
     */
    default String tokenUnit() {
        return "token";
    }

    /** Where the data comes from, for provenance (a path, or the name of an embedded corpus). */
    String dataSource();
}
