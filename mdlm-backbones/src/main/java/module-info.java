/** Denoising networks built as SameDiff graphs: the DiT with rotary attention and adaLN conditioning. */
module org.mdlm.backbones {
    requires transitive org.mdlm.api;

    exports org.mdlm.backbones.dit;

    provides org.mdlm.api.model.BackboneProvider with org.mdlm.backbones.dit.DitProvider;
}
