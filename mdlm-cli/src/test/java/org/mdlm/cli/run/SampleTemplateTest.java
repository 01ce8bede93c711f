package org.mdlm.cli.run;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.mdlm.api.domain.Domain;
import org.mdlm.api.plugin.ExtensionPoint;
import org.mdlm.api.plugin.PluginRegistry;
import org.mdlm.api.plugin.Provider;
import org.mdlm.cli.config.ConfigException;

/**
 * The fixed tokens of prefixes and infilling templates, with the shipped domains found by name:
 * the known text decodes back exactly (spaces next to a gap included), gaps get their lengths, and
 * text a domain cannot encode as written is refused naming the character.
 */
class SampleTemplateTest {

    private static final PluginRegistry REGISTRY = PluginRegistry.loadDefault();

    private static Domain domain(String name) {
        Provider<?, ?> p = REGISTRY.find(ExtensionPoint.DOMAIN, name);
        return (Domain) p.createFromRecord(p.defaultConfig());
    }

    /** The row decoded, with the mask written as '_'. */
    private static String decoded(Domain d, SampleTemplate t) {
        return d.decode(t.row());
    }

    @Test
    void spacesBesideTheGapsAreKeptThoughText8TrimsWhatItEncodes() {
        Domain text8 = domain("text8");
        SampleTemplate t = SampleTemplate.infill(text8, "text8", "the cat ___ on the mat", "___", null, 30, 128);
        assertEquals("the cat " + "_".repeat(11) + " on the mat", decoded(text8, t));
        assertEquals(List.of(new SampleTemplate.Gap(8, 11)), t.gaps());
        assertTrue(t.textAfterGap());
        assertEquals(19, t.fixedPositions().length);
        int[][] rows = t.rows(3);
        assertEquals(3, rows.length);
        assertArrayEquals(t.row(), rows[2]);
        assertFalse(rows[0] == t.row(), "each row is a copy");
    }

    @Test
    void gapsShareTheFreeLengthEvenlyOrTakeTheGivenLength() {
        Domain text8 = domain("text8");
        SampleTemplate even = SampleTemplate.infill(text8, "text8", "a___b___c___", "___", null, null, 13);
        assertEquals(List.of(new SampleTemplate.Gap(1, 4), new SampleTemplate.Gap(6, 3), new SampleTemplate.Gap(10, 3)),
                even.gaps(), "10 free positions over 3 gaps: 4, 3, 3; the length defaults to sample.length");
        SampleTemplate fixed = SampleTemplate.infill(text8, "text8", "[]x[]", "[]", 2, null, 128);
        assertEquals("__x__", decoded(text8, fixed), "the length is the template's with gaps of 2");
        assertTrue(fixed.textAfterGap());
        SampleTemplate tail = SampleTemplate.infill(text8, "text8", "go ___", "___", null, 6, 128);
        assertFalse(tail.textAfterGap(), "a gap at the end is a prefix");
        assertEquals("go ____", decoded(text8, SampleTemplate.infill(text8, "text8", "go ___", "___", 4, null, 1)));
    }

    @Test
    void aPrefixFillsTheFirstPositions() {
        Domain text8 = domain("text8");
        SampleTemplate p = SampleTemplate.prefix(text8, "text8", "call me ", 12);
        assertEquals("call me ____", decoded(text8, p));
        assertArrayEquals(new int[] {0, 1, 2, 3, 4, 5, 6, 7}, p.fixedPositions());
        assertEquals(List.of(new SampleTemplate.Gap(8, 4)), p.gaps());
        assertFalse(p.textAfterGap());
    }

    @Test
    void textTheDomainCannotWriteBackIsRefusedNamingTheCharacter() {
        Domain text8 = domain("text8");
        ConfigException upper = assertThrows(ConfigException.class,
                () -> SampleTemplate.prefix(text8, "text8", "Call me", 20));
        assertTrue(upper.getMessage().contains("'C' (U+0043) at 0") && upper.getMessage().contains("'call me'"),
                upper.getMessage());
        ConfigException digit = assertThrows(ConfigException.class,
                () -> SampleTemplate.infill(text8, "text8", "route 66 ___", "___", null, 30, 30));
        assertTrue(digit.getMessage().contains("'6'"), digit.getMessage());
        ConfigException underscore = assertThrows(ConfigException.class,
                () -> SampleTemplate.infill(text8, "text8", "a _ b #", "#", null, 30, 30));
        assertTrue(underscore.getMessage().contains("'_'"), "the mask's own character is not text: "
                + underscore.getMessage());

        Domain dna = domain("dna");
        assertEquals("ACGT__TT", decoded(dna, SampleTemplate.infill(dna, "dna", "ACG T___TT", "___", 2, null, 0)),
                "DNA: whitespace separates, it is no token");
        ConfigException base = assertThrows(ConfigException.class,
                () -> SampleTemplate.prefix(dna, "dna", "ACGX", 10));
        assertTrue(base.getMessage().contains("'ACGN'"), "X would silently become N: " + base.getMessage());

        Domain synthetic = domain("synthetic");
        ConfigException mask = assertThrows(ConfigException.class,
                () -> SampleTemplate.prefix(synthetic, "synthetic", synthetic.decode(new int[] {3, 8191}), 10));
        assertTrue(mask.getMessage().contains("mask token"), mask.getMessage());
    }

    @Test
    void lengthsThatDoNotFitAreRefused() {
        Domain text8 = domain("text8");
        assertThrows(ConfigException.class, () -> SampleTemplate.infill(text8, "text8", "abc", "___", null, 10, 10));
        assertThrows(ConfigException.class, () -> SampleTemplate.infill(text8, "text8", "abc___", "___", null, 3, 3));
        assertThrows(ConfigException.class, () -> SampleTemplate.infill(text8, "text8", "ab___", "___", 0, null, 3));
        assertThrows(ConfigException.class, () -> SampleTemplate.infill(text8, "text8", "ab___", "", null, 9, 9));
        assertThrows(ConfigException.class, () -> SampleTemplate.prefix(text8, "text8", "abcdef", 5));
        assertEquals(5, SampleTemplate.prefix(text8, "text8", "abcde", 5).fixedPositions().length,
                "a prefix may fill the whole sample");
    }
}
