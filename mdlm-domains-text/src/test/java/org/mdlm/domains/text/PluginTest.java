package org.mdlm.domains.text;

import org.mdlm.testkit.ServiceDeclarations;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mdlm.api.domain.Domain;
import org.mdlm.api.domain.DomainProvider;
import org.mdlm.api.domain.Tokenizer;
import org.mdlm.api.domain.TokenizerProvider;
import org.mdlm.api.plugin.PluginException;
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

    @Test
    void registryFindsTheTokenizersByName() {
        PluginRegistry registry = PluginRegistry.loadDefault();
        assertEquals(List.of("bert-base-uncased", "char", "gpt2"), registry.names(ExtensionPoint.TOKENIZER));
        for (String name : registry.names(ExtensionPoint.TOKENIZER)) {
            TokenizerProvider<?> p = registry.find(ExtensionPoint.TOKENIZER, name, TokenizerProvider.class);
            Tokenizer t = p.createFromRecord(p.defaultConfig());
            assertEquals(name, t.name());
        }
    }

    @Test
    void anUnknownTokenizerIsRefusedWithTheNamesAvailable() {
        PluginException e = assertThrows(PluginException.class,
                () -> PluginRegistry.loadDefault().find(ExtensionPoint.TOKENIZER, "gpt-2"));
        assertTrue(e.getMessage().contains("unknown tokenizer 'gpt-2'; available: bert-base-uncased, char, gpt2"),
                e.getMessage());
    }
}
