package org.mdlm.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.mdlm.api.model.ParameterizationProvider;
import org.mdlm.api.plugin.ExtensionPoint;
import org.mdlm.api.plugin.PluginRegistry;
import org.mdlm.testkit.ServiceDeclarations;
import org.mdlm.api.schedule.NoiseSchedule;
import org.mdlm.api.schedule.NoiseScheduleProvider;
import org.mdlm.process.param.SubsProvider;
import org.mdlm.process.schedule.CosineScheduleProvider;
import org.mdlm.process.schedule.CosineSquaredScheduleProvider;
import org.mdlm.process.schedule.GeometricScheduleProvider;
import org.mdlm.process.schedule.LinearScheduleProvider;
import org.mdlm.process.schedule.LogLinearScheduleProvider;
import org.mdlm.process.schedule.PolynomialScheduleProvider;

/** module-info and META-INF/services agree, and ServiceLoader finds this module's providers by name. */
class ProcessPluginsTest {

    @Test
    void moduleInfoAgreesWithServicesFiles() {
        assertEquals(List.of(), ServiceDeclarations.differences(Path.of("")));
    }

    @Test
    void registryFindsTheProvidersByName() {
        PluginRegistry registry = PluginRegistry.loadDefault();
        assertInstanceOf(LogLinearScheduleProvider.class,
                registry.find(ExtensionPoint.SCHEDULE, "loglinear", NoiseScheduleProvider.class));
        assertInstanceOf(SubsProvider.class,
                registry.find(ExtensionPoint.PARAMETERIZATION, "subs", ParameterizationProvider.class));
        assertTrue(registry.names(ExtensionPoint.SCHEDULE).contains("loglinear"));
        assertTrue(registry.names(ExtensionPoint.PARAMETERIZATION).contains("subs"));
    }

    @Test
    void theSixSchedulesAreListedAndFoundByName() {
        PluginRegistry registry = PluginRegistry.loadDefault();
        assertEquals(List.of("cosine", "cosine2", "geometric", "linear", "loglinear", "polynomial"),
                registry.names(ExtensionPoint.SCHEDULE));
        Map<String, Class<?>> expected = Map.of(
                "loglinear", LogLinearScheduleProvider.class,
                "linear", LinearScheduleProvider.class,
                "cosine", CosineScheduleProvider.class,
                "cosine2", CosineSquaredScheduleProvider.class,
                "geometric", GeometricScheduleProvider.class,
                "polynomial", PolynomialScheduleProvider.class);
        for (Map.Entry<String, Class<?>> e : expected.entrySet()) {
            NoiseScheduleProvider<?> provider =
                    registry.find(ExtensionPoint.SCHEDULE, e.getKey(), NoiseScheduleProvider.class);
            assertInstanceOf(e.getValue(), provider, e.getKey());
            assertEquals(e.getKey(), provider.name());
            assertFalse(provider.description().isBlank(), e.getKey() + " has a description");
            // Each default config builds a schedule that runs from no more than a little noise to mostly masked.
            NoiseSchedule schedule = provider.createFromRecord(provider.defaultConfig());
            assertTrue(schedule.maskProbability(0.0) < 1e-3, e.getKey());
            assertTrue(schedule.maskProbability(1.0) > 0.99, e.getKey());
        }
    }
}
