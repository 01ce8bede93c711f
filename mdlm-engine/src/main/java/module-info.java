/**
 * The training engine: assembles a model's SameDiff graph from a backbone, an objective and a
 * schedule, runs it (lean executor), trains it (AdamW, warm-up, clipping, EMA), evaluates it,
 * checkpoints it, serves it to samplers as a denoiser, and fine-tunes a backbone for sequence
 * classification with k-fold cross-validation. It depends on mdlm-api only and knows no
 * plugin by name.
 */
module org.mdlm.engine {
    requires transitive org.mdlm.api;

    exports org.mdlm.engine;
    exports org.mdlm.engine.finetune;
}
