package org.mdlm.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mdlm.api.model.ParameterizationProvider;
import org.mdlm.api.plugin.ExtensionPoint;
import org.mdlm.api.plugin.PluginRegistry;
import org.mdlm.testkit.ServiceDeclarations;
import org.mdlm.api.schedule.NoiseScheduleProvider;
import org.mdlm.process.param.SubsProvider;
import org.mdlm.process.schedule.LogLinearScheduleProvider;

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
}
