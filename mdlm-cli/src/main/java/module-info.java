/**
 * The {@code mdlm} command: picocli commands wired with Guice, Jackson configs and presets,
 * run directories (config, provenance, metrics, summary, samples, checkpoints) and benchmarks.
 * Plugins are found through the registry in mdlm-api; only the training engine (mdlm-engine)
 * is used directly.
 */
module org.mdlm.cli {
    requires org.mdlm.api;
    requires org.mdlm.engine;
    requires com.google.guice;
    requires jakarta.inject;
    requires com.fasterxml.jackson.databind;
    requires info.picocli;
    requires org.slf4j;
    requires org.knowm.xchart;
    requires me.tongfei.progressbar;
    requires java.desktop;

    uses org.mdlm.api.schedule.NoiseScheduleProvider;
    uses org.mdlm.api.model.ParameterizationProvider;
    uses org.mdlm.api.model.BackboneProvider;
    uses org.mdlm.api.sampling.SamplerProvider;
    uses org.mdlm.api.domain.DomainProvider;
    uses org.mdlm.api.domain.TokenizerProvider;
    uses org.mdlm.cli.run.ClusterTrainingProvider;
    uses org.mdlm.cli.run.ClusterTokenizationProvider;

    opens org.mdlm.cli to info.picocli, com.google.guice;
    opens org.mdlm.cli.commands to info.picocli, com.google.guice;
    opens org.mdlm.cli.config to com.fasterxml.jackson.databind, com.google.guice;
    opens org.mdlm.cli.run to com.fasterxml.jackson.databind, com.google.guice;
    opens org.mdlm.cli.wiring to com.google.guice;
}
