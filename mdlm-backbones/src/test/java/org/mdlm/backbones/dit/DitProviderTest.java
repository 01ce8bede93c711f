package org.mdlm.backbones.dit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mdlm.api.model.Backbone;
import org.mdlm.api.model.BackboneProvider;
import org.mdlm.api.plugin.ExtensionPoint;
import org.mdlm.api.plugin.PluginRegistry;
import org.mdlm.testkit.ServiceDeclarations;

/** Service declarations, registry discovery and config validation. */
class DitProviderTest {

    @Test
    void moduleInfoAgreesWithServicesFiles() {
        assertEquals(List.of(), ServiceDeclarations.differences(Path.of("")));
    }

    @Test
    void registryFindsDitByName() {
        BackboneProvider<?> p = PluginRegistry.loadDefault().find(ExtensionPoint.BACKBONE, "dit", BackboneProvider.class);
        assertInstanceOf(DitProvider.class, p);
        assertEquals(DitConfig.class, p.configType());
        assertEquals(new DitConfig(128, 4, 2, 128, 4, 0.1, false, 256), p.defaultConfig());
        Backbone b = p.createFromRecord(p.defaultConfig());
        assertInstanceOf(Dit.class, b);
        assertFalse(b.timeConditioned());
        assertTrue(new DitProvider().create(DitConfig.defaults().withTimeConditioning(true)).timeConditioned());
    }

    @Test
    void invalidConfigsNameTheField() {
        assertMessage("hidden", () -> new DitConfig(0, 4, 2, 128, 4, 0.1, false, 256));
        assertMessage("heads", () -> new DitConfig(128, -1, 2, 128, 4, 0.1, false, 256));
        assertMessage("blocks", () -> new DitConfig(128, 4, 0, 128, 4, 0.1, false, 256));
        assertMessage("condDim", () -> new DitConfig(128, 4, 2, 0, 4, 0.1, false, 256));
        assertMessage("mlpRatio", () -> new DitConfig(128, 4, 2, 128, 0, 0.1, false, 256));
        assertMessage("frequencyEmbeddingSize", () -> new DitConfig(128, 4, 2, 128, 4, 0.1, false, 0));
        assertMessage("frequencyEmbeddingSize", () -> new DitConfig(128, 4, 2, 128, 4, 0.1, false, 255));
        assertMessage("multiple of heads", () -> new DitConfig(130, 4, 2, 128, 4, 0.1, false, 256));
        assertMessage("even", () -> new DitConfig(12, 4, 2, 128, 4, 0.1, false, 256));
        assertMessage("dropout", () -> new DitConfig(128, 4, 2, 128, 4, 1.0, false, 256));
        assertMessage("dropout", () -> new DitConfig(128, 4, 2, 128, 4, -0.1, false, 256));
        assertMessage("dropout", () -> new DitConfig(128, 4, 2, 128, 4, Double.NaN, false, 256));
        assertEquals(0.0, new DitConfig(128, 4, 2, 128, 4, 0.0, false, 256).dropout());
        assertEquals(32, DitConfig.defaults().headDim());
    }

    private static void assertMessage(String expected, org.junit.jupiter.api.function.Executable e) {
        IllegalArgumentException ex = assertThrows(IllegalArgumentException.class, e);
        assertTrue(ex.getMessage().contains(expected), "message '" + ex.getMessage() + "' names " + expected);
    }
}
