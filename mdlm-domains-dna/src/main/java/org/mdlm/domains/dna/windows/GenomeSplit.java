package org.mdlm.domains.dna.windows;

import java.util.List;
import java.util.Map;
import org.mdlm.api.domain.Split;
import org.mdlm.domains.dna.fasta.Genome;

/** Cuts a genome into the regions of train, valid and test; the same genome always gives the same cut. */
public interface GenomeSplit {

    /**
     * The regions of each split, each list {@linkplain Regions#normalize normalized}; the three are
     * disjoint.
     *
     * @throws org.mdlm.api.domain.DataException if the genome does not fit the split (e.g. an unknown
     *         chromosome name)
     */
    Map<Split, List<Region>> regions(Genome genome);
}
