package org.mdlm.domains.dna.windows;

/**
 * A stretch {@code [start, end)} of genome positions inside one chromosome.
 *
 * @param chromosome index of the chromosome (file order) that holds the stretch
 * @param start first genome position
 * @param end position just past the last, greater than {@code start}
 */
public record Region(int chromosome, long start, long end) {

    /**
     * Validates the stretch.
     *
     * @throws IllegalArgumentException if it is empty or negative
     */
    public Region {
        if (chromosome < 0 || start < 0 || end <= start) {
            throw new IllegalArgumentException("region [" + start + ", " + end + ") of chromosome " + chromosome
                    + " is empty or negative");
        }
    }

    /** Number of bases. */
    public long length() {
        return end - start;
    }
}
