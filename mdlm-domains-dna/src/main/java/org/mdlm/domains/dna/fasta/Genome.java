package org.mdlm.domains.dna.fasta;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A genome read from FASTA: its chromosomes (records) in file order, their bases concatenated in one
 * {@link Bases}, and where the unknown bases are ({@link NRuns}). Positions are {@code long}.
 */
public final class Genome {

    private final List<Chromosome> chromosomes;
    private final Map<String, Integer> byName;
    private final Bases bases;
    private final NRuns nRuns;

    /**
     * Assembles a genome.
     *
     * @throws IllegalArgumentException if the chromosomes do not tile the bases in order, or a name repeats
     */
    public Genome(List<Chromosome> chromosomes, Bases bases, NRuns nRuns) {
        this.chromosomes = List.copyOf(chromosomes);
        this.bases = Objects.requireNonNull(bases, "bases");
        this.nRuns = Objects.requireNonNull(nRuns, "nRuns");
        Map<String, Integer> names = new LinkedHashMap<>();
        long at = 0;
        for (Chromosome c : this.chromosomes) {
            if (c.start() != at) {
                throw new IllegalArgumentException("chromosome " + c.name() + " starts at " + c.start() + ", expected "
                        + at + " (chromosomes tile the bases in order)");
            }
            if (names.put(c.name(), names.size()) != null) {
                throw new IllegalArgumentException("chromosome name " + c.name() + " occurs twice");
            }
            at = c.end();
        }
        if (at != bases.length()) {
            throw new IllegalArgumentException("the chromosomes cover " + at + " bases but there are " + bases.length());
        }
        this.byName = Collections.unmodifiableMap(names);
    }

    /** The chromosomes in file order. */
    public List<Chromosome> chromosomes() {
        return chromosomes;
    }

    /** The chromosome of that name, if any. */
    public Optional<Chromosome> chromosome(String name) {
        Integer i = byName.get(name);
        return i == null ? Optional.empty() : Optional.of(chromosomes.get(i));
    }

    /** The index (file order) of the chromosome of that name, or -1. */
    public int indexOf(String name) {
        return byName.getOrDefault(name, -1);
    }

    /** The chromosome holding genome position {@code position}. */
    public Chromosome chromosomeAt(long position) {
        Objects.checkIndex(position, bases.length());
        int lo = 0;
        int hi = chromosomes.size() - 1;
        while (lo < hi) {
            int mid = (lo + hi + 1) >>> 1;
            if (chromosomes.get(mid).start() <= position) {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        return chromosomes.get(lo);
    }

    /** All bases, chromosome after chromosome. */
    public Bases bases() {
        return bases;
    }

    /** Where the unknown bases are. */
    public NRuns nRuns() {
        return nRuns;
    }

    /** Number of bases. */
    public long length() {
        return bases.length();
    }

    /** The names, for messages: all of them, or the first {@code max} and how many more. */
    public String names(int max) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < Math.min(max, chromosomes.size()); i++) {
            sb.append(i == 0 ? "" : ", ").append(chromosomes.get(i).name());
        }
        if (chromosomes.size() > max) {
            sb.append(" and ").append(chromosomes.size() - max).append(" more");
        }
        return sb.toString();
    }
}
