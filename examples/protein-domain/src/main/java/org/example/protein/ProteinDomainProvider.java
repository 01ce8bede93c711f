package org.example.protein;

import org.mdlm.api.domain.Domain;
import org.mdlm.api.domain.DomainProvider;

/** Provides the {@code "protein"} domain. */
public final class ProteinDomainProvider implements DomainProvider<ProteinConfig> {

    @Override
    public String name() {
        return "protein";
    }

    @Override
    public String description() {
        return "amino-acid sequences from FASTA (example plugin)";
    }

    @Override
    public Class<ProteinConfig> configType() {
        return ProteinConfig.class;
    }

    @Override
    public ProteinConfig defaultConfig() {
        return new ProteinConfig(null);
    }

    @Override
    public Domain create(ProteinConfig config) {
        return new ProteinDomain(config);
    }
}
