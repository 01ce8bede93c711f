/**
 * Samplers: ancestral (ddpm), cached ancestral (ddpm_cache), analytic (SEDD tau-leaping), left-to-right (ar),
 * confidence-ordered unmasking (confidence), semi-autoregressive windows beyond the trained length (semi_ar) and
 * Gaussian sampling in embedding space for Plaid models (plaid).
 */
module org.mdlm.samplers {
    requires transitive org.mdlm.api;

    exports org.mdlm.samplers.analytic;
    exports org.mdlm.samplers.ancestral;
    exports org.mdlm.samplers.ar;
    exports org.mdlm.samplers.confidence;
    exports org.mdlm.samplers.gaussian;
    exports org.mdlm.samplers.semiar;

    provides org.mdlm.api.sampling.SamplerProvider with org.mdlm.samplers.ancestral.DdpmProvider,
            org.mdlm.samplers.ancestral.DdpmCacheProvider, org.mdlm.samplers.analytic.AnalyticProvider,
            org.mdlm.samplers.ar.ArSamplerProvider, org.mdlm.samplers.confidence.ConfidenceProvider,
            org.mdlm.samplers.semiar.SemiArProvider, org.mdlm.samplers.gaussian.PlaidSamplerProvider;
}
