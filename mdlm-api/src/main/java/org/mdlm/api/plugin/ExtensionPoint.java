package org.mdlm.api.plugin;

import java.util.List;
import org.mdlm.api.domain.DomainProvider;
import org.mdlm.api.domain.TokenizerProvider;
import org.mdlm.api.model.BackboneProvider;
import org.mdlm.api.model.ParameterizationProvider;
import org.mdlm.api.sampling.SamplerProvider;
import org.mdlm.api.schedule.NoiseScheduleProvider;

/**
 * The extension points of mdlm: each is a provider interface with a short label used in messages,
 * in {@code mdlm plugins} and as the config section that selects it.
 *
 * @param label short label, e.g. {@code "schedule"}
 * @param providerType the service interface found with {@link java.util.ServiceLoader}
 */
public record ExtensionPoint(String label, Class<?> providerType) {

    /** Noise schedules sigma(t). */
    public static final ExtensionPoint SCHEDULE = new ExtensionPoint("schedule", NoiseScheduleProvider.class);
    /** Parameterizations (SUBS, D3PM, SEDD, AR). */
    public static final ExtensionPoint PARAMETERIZATION =
            new ExtensionPoint("parameterization", ParameterizationProvider.class);
    /** Denoising networks. */
    public static final ExtensionPoint BACKBONE = new ExtensionPoint("backbone", BackboneProvider.class);
    /** Samplers (reverse processes). */
    public static final ExtensionPoint SAMPLER = new ExtensionPoint("sampler", SamplerProvider.class);
    /** Data domains: vocabulary, corpus reading, detokenizing. */
    public static final ExtensionPoint DOMAIN = new ExtensionPoint("domain", DomainProvider.class);
    /** Tokenizers: text to token ids of a fixed vocabulary and back ({@code mdlm tokenize}). */
    public static final ExtensionPoint TOKENIZER = new ExtensionPoint("tokenizer", TokenizerProvider.class);

    /** Every extension point, in the order {@code mdlm plugins} lists them. */
    public static List<ExtensionPoint> all() {
        return List.of(DOMAIN, TOKENIZER, SCHEDULE, PARAMETERIZATION, BACKBONE, SAMPLER);
    }
}
