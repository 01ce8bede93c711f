package org.mdlm.process.param;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.mdlm.api.model.Parameterization;
import org.mdlm.api.plugin.PluginException;
import org.mdlm.process.schedule.LogLinearConfig;

/** The SUBS config's validation and the provider's name, defaults and factory. */
class SubsProviderTest {

    @Test
    void defaultsMatchTheReference() {
        SubsProvider provider = new SubsProvider();
        assertEquals("subs", provider.name());
        assertEquals(SubsConfig.class, provider.configType());
        assertEquals(-1e6, provider.defaultConfig().negInfinity(), 0.0);
        Parameterization p = provider.create(SubsConfig.defaults().withNegInfinity(-1e4));
        assertInstanceOf(SubsParameterization.class, p);
        assertEquals(-1e4, ((SubsParameterization) p).negInfinity(), 0.0);
    }

    @Test
    void rejectsAConfigOfAnotherProvider() {
        assertThrows(PluginException.class, () -> new SubsProvider().createFromRecord(LogLinearConfig.defaults()));
    }

    @ParameterizedTest
    @ValueSource(doubles = {0.0, 1.0, 1e6, Double.NEGATIVE_INFINITY, Double.NaN})
    void rejectsBadNegInfinity(double bad) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> SubsConfig.defaults().withNegInfinity(bad));
        assertTrue(e.getMessage().contains("negInfinity"), e.getMessage());
        assertTrue(e.getMessage().contains(String.valueOf(bad)), e.getMessage());
    }
}
