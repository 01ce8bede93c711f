package org.mdlm.api.plugin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.mdlm.api.schedule.NoiseSchedule;
import org.mdlm.api.schedule.NoiseScheduleProvider;

class PluginRegistryTest {

    record Cfg(double eps) {
    }

    static class Sched implements NoiseScheduleProvider<Cfg> {
        private final String name;

        Sched(String name) {
            this.name = name;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public Class<Cfg> configType() {
            return Cfg.class;
        }

        @Override
        public Cfg defaultConfig() {
            return new Cfg(1e-3);
        }

        @Override
        public NoiseSchedule create(Cfg config) {
            return new NoiseSchedule() {
                @Override
                public double sigma(double t) {
                    return t;
                }

                @Override
                public double dsigma(double t) {
                    return 1;
                }
            };
        }
    }

    static class OtherSched extends Sched {
        OtherSched(String name) {
            super(name);
        }
    }

    @Test
    void findsByNameAndPoint() {
        Sched a = new Sched("alpha");
        PluginRegistry r = PluginRegistry.of(List.of(a, new Sched("beta")));
        assertSame(a, r.find(ExtensionPoint.SCHEDULE, "alpha", NoiseScheduleProvider.class));
        assertEquals(List.of("alpha", "beta"), r.names(ExtensionPoint.SCHEDULE));
        assertEquals(List.of(), r.names(ExtensionPoint.BACKBONE));
    }

    @Test
    void unknownNameListsTheAvailableNames() {
        PluginRegistry r = PluginRegistry.of(List.of(new Sched("beta"), new Sched("alpha")));
        PluginException e = assertThrows(PluginException.class, () -> r.find(ExtensionPoint.SCHEDULE, "gamma"));
        assertTrue(e.getMessage().contains("unknown schedule 'gamma'"), e.getMessage());
        assertTrue(e.getMessage().contains("available: alpha, beta"), e.getMessage());
    }

    @Test
    void emptyPointSaysNoneInstalled() {
        PluginRegistry r = PluginRegistry.of(List.of());
        PluginException e = assertThrows(PluginException.class, () -> r.find(ExtensionPoint.SAMPLER, "ddpm"));
        assertTrue(e.getMessage().contains("(none installed)"), e.getMessage());
    }

    @Test
    void duplicateNamesNameBothClasses() {
        PluginException e = assertThrows(PluginException.class,
                () -> PluginRegistry.of(List.of(new Sched("same"), new OtherSched("same"))));
        assertTrue(e.getMessage().contains("two schedule providers are named 'same'"), e.getMessage());
        assertTrue(e.getMessage().contains(Sched.class.getName()), e.getMessage());
        assertTrue(e.getMessage().contains(OtherSched.class.getName()), e.getMessage());
    }

    @Test
    void sameNameOnDifferentPointsIsFine() {
        // one name per extension point; a schedule and a sampler may share a name
        PluginRegistry r = PluginRegistry.of(List.of(new Sched("x")));
        assertEquals(1, r.all().size());
        assertEquals("x", r.all().get(0).name());
        assertEquals(ExtensionPoint.SCHEDULE, r.all().get(0).point());
    }

    @Test
    void createFromRecordChecksTheConfigType() {
        Sched s = new Sched("a");
        assertEquals(0.5, s.createFromRecord(new Cfg(0)).sigma(0.5));
        record Wrong(int x) {
        }
        assertThrows(PluginException.class, () -> s.createFromRecord(new Wrong(1)));
    }
}
