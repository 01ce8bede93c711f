package org.mdlm.samplers.ancestral;

import org.mdlm.testkit.ServiceDeclarations;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mdlm.api.plugin.ExtensionPoint;
import org.mdlm.api.plugin.PluginException;
import org.mdlm.api.plugin.PluginRegistry;
import org.mdlm.api.sampling.Sampler;
import org.mdlm.api.sampling.SamplerProvider;
import org.mdlm.samplers.analytic.AnalyticConfig;
import org.mdlm.samplers.analytic.AnalyticProvider;
import org.mdlm.samplers.analytic.AnalyticSampler;
import org.mdlm.samplers.confidence.ConfidenceConfig;
import org.mdlm.samplers.confidence.ConfidenceProvider;
import org.mdlm.samplers.confidence.ConfidenceSampler;
import org.mdlm.samplers.semiar.SemiArConfig;
import org.mdlm.samplers.semiar.SemiArProvider;
import org.mdlm.samplers.semiar.SemiArSampler;

class ProvidersTest {

    @Test
    void moduleInfoAndServicesFilesAgree() {
        assertEquals(List.of(), org.mdlm.testkit.ServiceDeclarations.differences(Path.of("")));
    }

    @Test
    void serviceLoaderFindsBothSamplersByName() {
        PluginRegistry registry = PluginRegistry.loadDefault();
        assertTrue(registry.names(ExtensionPoint.SAMPLER).containsAll(List.of("ddpm", "ddpm_cache")));
        SamplerProvider<?> ddpm = registry.find(ExtensionPoint.SAMPLER, "ddpm", SamplerProvider.class);
        SamplerProvider<?> cached = registry.find(ExtensionPoint.SAMPLER, "ddpm_cache", SamplerProvider.class);
        assertInstanceOf(DdpmProvider.class, ddpm);
        assertInstanceOf(DdpmCacheProvider.class, cached);

        Sampler a = ddpm.createFromRecord(ddpm.defaultConfig());
        Sampler b = cached.createFromRecord(AncestralConfig.of(7, 1e-4));
        assertFalse(((AncestralSampler) a).cache());
        assertEquals(AncestralConfig.defaults(), ((AncestralSampler) a).config());
        assertTrue(((AncestralSampler) b).cache());
        assertEquals(7, ((AncestralSampler) b).config().steps());
    }

    @Test
    void serviceLoaderFindsTheAnalyticSamplerByName() {
        PluginRegistry registry = PluginRegistry.loadDefault();
        assertTrue(registry.names(ExtensionPoint.SAMPLER).contains("analytic"), registry.names(ExtensionPoint.SAMPLER)
                .toString());
        SamplerProvider<?> analytic = registry.find(ExtensionPoint.SAMPLER, "analytic", SamplerProvider.class);
        assertInstanceOf(AnalyticProvider.class, analytic);
        assertEquals(AnalyticConfig.class, analytic.configType());
        assertFalse(analytic.description().isEmpty());
        Sampler a = analytic.createFromRecord(analytic.defaultConfig());
        assertEquals(AnalyticConfig.defaults(), ((AnalyticSampler) a).config());
        Sampler b = analytic.createFromRecord(AnalyticConfig.of(7, 1e-4));
        assertEquals(7, ((AnalyticSampler) b).config().steps());
        assertThrows(PluginException.class, () -> analytic.createFromRecord(AncestralConfig.defaults()));
    }

    @Test
    void serviceLoaderFindsTheConfidenceSamplerByName() {
        PluginRegistry registry = PluginRegistry.loadDefault();
        SamplerProvider<?> confidence = registry.find(ExtensionPoint.SAMPLER, "confidence", SamplerProvider.class);
        assertInstanceOf(ConfidenceProvider.class, confidence);
        assertEquals(ConfidenceConfig.class, confidence.configType());
        assertFalse(confidence.description().isEmpty());
        Sampler a = confidence.createFromRecord(confidence.defaultConfig());
        assertEquals(ConfidenceConfig.defaults(), ((ConfidenceSampler) a).config());
        assertThrows(PluginException.class, () -> confidence.createFromRecord(AncestralConfig.defaults()));
    }

    @Test
    void serviceLoaderFindsTheSemiAutoregressiveSamplerByName() {
        PluginRegistry registry = PluginRegistry.loadDefault();
        assertTrue(registry.names(ExtensionPoint.SAMPLER).containsAll(
                List.of("ddpm", "ddpm_cache", "analytic", "ar", "confidence", "semi_ar")),
                registry.names(ExtensionPoint.SAMPLER).toString());
        SamplerProvider<?> semiAr = registry.find(ExtensionPoint.SAMPLER, "semi_ar", SamplerProvider.class);
        assertInstanceOf(SemiArProvider.class, semiAr);
        assertEquals(SemiArConfig.class, semiAr.configType());
        assertFalse(semiAr.description().isEmpty());
        Sampler a = semiAr.createFromRecord(semiAr.defaultConfig());
        assertEquals(SemiArConfig.defaults(), ((SemiArSampler) a).config());
        assertInstanceOf(AncestralSampler.class, ((SemiArSampler) a).inner());
        Sampler b = semiAr.createFromRecord(SemiArConfig.of("analytic", 7, 3));
        assertInstanceOf(AnalyticSampler.class, ((SemiArSampler) b).inner());
        assertEquals(7, ((AnalyticSampler) ((SemiArSampler) b).inner()).config().steps());
        assertThrows(PluginException.class, () -> semiAr.createFromRecord(AncestralConfig.defaults()));
    }

    @Test
    void providersDescribeThemselvesAndRejectForeignConfigs() {
        DdpmProvider p = new DdpmProvider();
        assertEquals(AncestralConfig.class, p.configType());
        assertFalse(p.description().isEmpty());
        assertFalse(new DdpmCacheProvider().description().isEmpty());
        record Other(int x) { }
        assertThrows(PluginException.class, () -> p.createFromRecord(new Other(1)));
    }
}
