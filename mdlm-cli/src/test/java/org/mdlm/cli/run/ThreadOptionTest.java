package org.mdlm.cli.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.mdlm.engine.GemmThreads;

class ThreadOptionTest {

    @AfterEach
    void restore() {
        GemmThreads.configure(Runtime.getRuntime().availableProcessors());
    }

    @Test
    void bothSpellingsSetTheGemmThreadsAndTheLastOneWins() {
        ThreadOption.apply(new String[] {"bench", "train", "--threads", "3"}, 4);
        assertEquals(3, GemmThreads.threads());
        ThreadOption.apply(new String[] {"--threads=2", "info", "--threads=1"}, 4);
        assertEquals(1, GemmThreads.threads());
    }

    @Test
    void valuesOutsideOneToTheCoresAreRejectedNamingTheRange() {
        IllegalArgumentException tooMany = assertThrows(IllegalArgumentException.class,
                () -> ThreadOption.apply(new String[] {"--threads", "5"}, 4));
        assertTrue(tooMany.getMessage().contains("1..4"), tooMany.getMessage());
        assertThrows(IllegalArgumentException.class, () -> ThreadOption.apply(new String[] {"--threads", "0"}, 4));
        IllegalArgumentException notANumber = assertThrows(IllegalArgumentException.class,
                () -> ThreadOption.apply(new String[] {"info", "--threads"}, 4));
        assertTrue(notANumber.getMessage().contains("not a number"), notANumber.getMessage());
    }

    @Test
    void argumentsAfterADoubleDashAreNotOptions() {
        GemmThreads.configure(2);
        ThreadOption.apply(new String[] {"sample", "--", "--threads", "9"}, 4);
        assertEquals(2, GemmThreads.threads());
    }
}
