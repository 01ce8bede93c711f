package org.mdlm.domains.dna.windows;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.mdlm.api.domain.DataException;
import org.mdlm.api.domain.Split;
import org.mdlm.domains.dna.fasta.Chromosome;
import org.mdlm.domains.dna.fasta.Genome;

/**
 * The {@code chromosome} split: whole chromosomes per split, by name. Train is {@code train}, or
 * every chromosome not named for valid or test when that list is empty.
 *
 * @param valid names of the valid chromosomes
 * @param test names of the test chromosomes
 * @param train names of the train chromosomes, or empty for all the others
 */
public record ChromosomeSplit(List<String> valid, List<String> test, List<String> train) implements GenomeSplit {

    /** Copies the lists. */
    public ChromosomeSplit {
        valid = List.copyOf(valid);
        test = List.copyOf(test);
        train = List.copyOf(train);
    }

    /**
     * {@inheritDoc}
     *
     * @throws DataException naming a chromosome that the genome does not have, and the names it has
     */
    @Override
    public Map<Split, List<Region>> regions(Genome genome) {
        check(genome, "valid_chromosomes", valid);
        check(genome, "test_chromosomes", test);
        check(genome, "train_chromosomes", train);
        Set<String> held = new HashSet<>(valid);
        held.addAll(test);
        Map<Split, List<Region>> out = new EnumMap<>(Split.class);
        for (Split s : Split.values()) {
            out.put(s, new ArrayList<>());
        }
        List<Chromosome> chromosomes = genome.chromosomes();
        for (int k = 0; k < chromosomes.size(); k++) {
            Chromosome c = chromosomes.get(k);
            Split s = valid.contains(c.name()) ? Split.VALID : test.contains(c.name()) ? Split.TEST
                    : (train.isEmpty() ? !held.contains(c.name()) : train.contains(c.name())) ? Split.TRAIN : null;
            if (s != null) {
                out.get(s).add(new Region(k, c.start(), c.end()));
            }
        }
        return out;
    }

    private static void check(Genome genome, String key, List<String> names) {
        for (String n : names) {
            if (genome.chromosome(n).isEmpty()) {
                throw new DataException(key + " names " + n + ", which the genome does not have; its records are "
                        + genome.names(30) + "; use names as in the FASTA headers");
            }
        }
    }
}
