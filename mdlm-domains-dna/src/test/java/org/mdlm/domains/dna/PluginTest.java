package org.mdlm.domains.dna;

import org.mdlm.testkit.ServiceDeclarations;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

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
    void registryFindsDnaByName() {
        DomainProvider<?> p = PluginRegistry.loadDefault().find(ExtensionPoint.DOMAIN, "dna", DomainProvider.class);
        assertInstanceOf(DnaProvider.class, p);
        assertEquals(DnaConfig.class, p.configType());
        Domain d = p.createFromRecord(p.defaultConfig());
        assertInstanceOf(DnaDomain.class, d);
        assertEquals(DnaDomain.NO_DATA, d.dataSource());
    }
}
