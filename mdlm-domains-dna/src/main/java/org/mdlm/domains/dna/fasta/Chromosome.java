package org.mdlm.domains.dna.fasta;

import java.util.Objects;

/**
 * One FASTA record of a genome: its name (the first word of its header line) and where its bases
 * sit in the genome's concatenated {@link Bases}.
 *
 * @param name the record's name, e.g. {@code chr20}
 * @param start position of its first base in the genome
 * @param length number of bases, at least 1
 */
public record Chromosome(String name, long start, long length) {

    /**
     * Validates the record.
     *
     * @throws IllegalArgumentException for an empty name, a negative start or a length below 1
     */
    public Chromosome {
        Objects.requireNonNull(name, "name");
        if (name.isEmpty()) {
            throw new IllegalArgumentException("name is empty");
        }
        if (start < 0 || length < 1) {
            throw new IllegalArgumentException("chromosome " + name + ": start " + start + " and length " + length
                    + " must be >= 0 and >= 1");
        }
    }

    /** Position just past its last base in the genome. */
    public long end() {
        return start + length;
    }
}
