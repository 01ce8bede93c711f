/**
 * The mdlm API: extension points (noise schedules, parameterizations, backbones, samplers,
 * domains, tokenizers), their {@code ...Provider} service interfaces, the value types they exchange and the
 * one registry that finds providers by their short names.
 */
module org.mdlm.api {
    requires transitive nd4j.api;
    requires transitive nd4j.common;
    requires static jdk.incubator.vector;

    exports org.mdlm.api.plugin;
    exports org.mdlm.api.schedule;
    exports org.mdlm.api.model;
    exports org.mdlm.api.sampling;
    exports org.mdlm.api.domain;
    exports org.mdlm.api.kernels;

    uses org.mdlm.api.schedule.NoiseScheduleProvider;
    uses org.mdlm.api.model.ParameterizationProvider;
    uses org.mdlm.api.model.BackboneProvider;
    uses org.mdlm.api.sampling.SamplerProvider;
    uses org.mdlm.api.domain.DomainProvider;
    uses org.mdlm.api.domain.TokenizerProvider;
}
