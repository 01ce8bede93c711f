package org.mdlm.backbones.caduceus;

import org.mdlm.api.model.Backbone;
import org.mdlm.api.model.BackboneProvider;

/** Provides the {@code "caduceus"} backbone: bidirectional, reverse-complement equivariant Mamba blocks. */
public final class CaduceusProvider implements BackboneProvider<CaduceusConfig> {

    /** Creates the provider (ServiceLoader needs a public no-arg constructor). */
    public CaduceusProvider() {
    }

    @Override
    public String name() {
        return "caduceus";
    }

    @Override
    public String description() {
        return "Caduceus: bidirectional Mamba blocks, reverse-complement equivariant (DNA), as in MDLM's genome runs";
    }

    @Override
    public Class<CaduceusConfig> configType() {
        return CaduceusConfig.class;
    }

    @Override
    public CaduceusConfig defaultConfig() {
        return CaduceusConfig.defaults();
    }

    @Override
    public Backbone create(CaduceusConfig config) {
        return new Caduceus(config);
    }
}
