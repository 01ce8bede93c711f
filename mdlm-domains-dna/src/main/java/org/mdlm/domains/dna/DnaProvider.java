package org.mdlm.domains.dna;

import org.mdlm.api.domain.Domain;
import org.mdlm.api.domain.DomainProvider;

/** Provides the {@code "dna"} nucleotide domain ({@link DnaDomain}). */
public final class DnaProvider implements DomainProvider<DnaConfig> {

    /** The provider's short name. */
    public static final String NAME = "dna";

    /** Creates the provider (used by {@link java.util.ServiceLoader}). */
    public DnaProvider() {
    }

    /** {@inheritDoc} */
    @Override
    public String name() {
        return NAME;
    }

    /** {@inheritDoc} */
    @Override
    public String description() {
        return "nucleotides A C G T N (ids 0-4, mask 5) from a FASTA(.gz) file split 90/5/5; needs data=<fasta>";
    }

    /** {@inheritDoc} */
    @Override
    public Class<DnaConfig> configType() {
        return DnaConfig.class;
    }

    /** {@inheritDoc} Here no data: set {@code data} to a FASTA path before reading. */
    @Override
    public DnaConfig defaultConfig() {
        return DnaConfig.defaults();
    }

    /** {@inheritDoc} */
    @Override
    public Domain create(DnaConfig config) {
        return new DnaDomain(config);
    }
}
