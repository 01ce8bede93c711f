/** Samplers: ancestral (ddpm) and cached ancestral (ddpm_cache). */
module org.mdlm.samplers {
    requires transitive org.mdlm.api;

    exports org.mdlm.samplers.ancestral;

    provides org.mdlm.api.sampling.SamplerProvider with org.mdlm.samplers.ancestral.DdpmProvider,
            org.mdlm.samplers.ancestral.DdpmCacheProvider;
}
