package org.mdlm.process.schedule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.mdlm.api.plugin.PluginException;
import org.mdlm.api.schedule.NoiseSchedule;

/** The log-linear config's validation and the provider's name, defaults and factory. */
class LogLinearScheduleProviderTest {

    @Test
    void providesTheLogLinearScheduleWithReferenceDefaults() {
        LogLinearScheduleProvider provider = new LogLinearScheduleProvider();
        assertEquals("loglinear", provider.name());
        assertEquals(LogLinearConfig.class, provider.configType());
        assertEquals(1e-3, provider.defaultConfig().eps(), 0.0);
        NoiseSchedule s = provider.create(new LogLinearConfig(0.5));
        assertInstanceOf(LogLinearSchedule.class, s);
        assertEquals(0.25, s.maskProbability(0.5), 1e-15);
    }

    @Test
    void createFromRecordChecksTheType() {
        LogLinearScheduleProvider provider = new LogLinearScheduleProvider();
        assertEquals(1e-3, ((LogLinearSchedule) provider.createFromRecord(LogLinearConfig.defaults())).eps(), 0.0);
        record Other(int x) {
        }
        assertThrows(PluginException.class, () -> provider.createFromRecord(new Other(1)));
    }

    @ParameterizedTest
    @ValueSource(doubles = {0.0, 1.0, -0.1, 1.5, Double.NaN})
    void rejectsEpsOutsideTheOpenUnitInterval(double bad) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new LogLinearConfig(bad));
        assertTrue(e.getMessage().contains("eps"), e.getMessage());
        assertTrue(e.getMessage().contains(String.valueOf(bad)), e.getMessage());
        assertTrue(e.getMessage().contains("(0, 1)"), e.getMessage());
    }
}
