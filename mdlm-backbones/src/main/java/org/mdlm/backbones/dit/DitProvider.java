package org.mdlm.backbones.dit;

import org.mdlm.api.model.Backbone;
import org.mdlm.api.model.BackboneProvider;

/** Provides the {@code "dit"} backbone: MDLM's diffusion transformer with rotary attention and adaLN. */
public final class DitProvider implements BackboneProvider<DitConfig> {

    /** Creates the provider (ServiceLoader needs a public no-arg constructor). */
    public DitProvider() {
    }

    @Override
    public String name() {
        return "dit";
    }

    @Override
    public String description() {
        return "diffusion transformer (rotary attention, adaLN conditioning), as in MDLM";
    }

    @Override
    public Class<DitConfig> configType() {
        return DitConfig.class;
    }

    @Override
    public DitConfig defaultConfig() {
        return DitConfig.defaults();
    }

    @Override
    public Backbone create(DitConfig config) {
        return new Dit(config);
    }
}
