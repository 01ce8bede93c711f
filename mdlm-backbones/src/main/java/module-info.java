/**
 * Denoising networks built as SameDiff graphs: the DiT with rotary attention (bidirectional or
 * causal) and adaLN conditioning, and Caduceus (bidirectional, reverse-complement equivariant Mamba
 * blocks); their layers (linear, norms, rotary attention, attention biases,
 * timestep embedding) are exported for third-party backbones.
 */
module org.mdlm.backbones {
    requires transitive org.mdlm.api;

    exports org.mdlm.backbones.caduceus;
    exports org.mdlm.backbones.dit;
    exports org.mdlm.backbones.layers;

    provides org.mdlm.api.model.BackboneProvider with org.mdlm.backbones.dit.DitProvider,
            org.mdlm.backbones.caduceus.CaduceusProvider;
}
