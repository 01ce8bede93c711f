package org.mdlm.domains.text;

import org.mdlm.testkit.ServiceDeclarations;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mdlm.api.domain.Domain;
import org.mdlm.api.domain.DomainProvider;
import org.mdlm.api.plugin.ExtensionPoint;
import org.mdlm.api.plugin.PluginRegistry;

class PluginTest {

    @Test
    void moduleInfoAgreesWithServicesFiles() {
        assertEquals(List.of(), org.mdlm.testkit.ServiceDeclarations.differences(Path.of("")));
    }

    @Test
    void registryFindsTextEightByName() {
        PluginRegistry registry = PluginRegistry.loadDefault();
        assertTrue(registry.names(ExtensionPoint.DOMAIN).contains("text8"));
        DomainProvider<?> p = registry.find(ExtensionPoint.DOMAIN, "text8", DomainProvider.class);
        assertInstanceOf(Text8Provider.class, p);
        assertEquals(Text8Config.class, p.configType());
        Domain d = p.createFromRecord(p.defaultConfig());
        assertInstanceOf(Text8Domain.class, d);
        assertEquals(Text8Domain.EMBEDDED_SOURCE, d.dataSource());
    }
}
