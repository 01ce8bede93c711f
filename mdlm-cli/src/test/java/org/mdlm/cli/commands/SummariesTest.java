package org.mdlm.cli.commands;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The one-line run summary says the standard error and whether the figure is a bound or exact. */
class SummariesTest {

    @Test
    void boundAndExactFiguresAreNamedWithTheirStandardError() {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("steps", 1500);
        s.put("train_tokens", 3072000L);
        s.put("val_nats_per_token", 2.2122);
        s.put("val_se", 0.0183);
        s.put("val_bpc", 2.2122 / Math.log(2));
        s.put("val_ppl", Math.exp(2.2122));
        assertEquals("steps 1500, 3,072,000 train tokens: validation 2.2122 ± 0.0183 nats/token, 3.1915 bits/char, "
                + "perplexity <= 9.136 (NELBO bound)", Summaries.describe(s));
        s.put("val_is_bound", false);
        s.remove("val_se");
        s.remove("val_bpc");
        assertEquals("steps 1500, 3,072,000 train tokens: validation 2.2122 nats/token, perplexity = 9.136 (exact NLL)",
                Summaries.describe(s));
    }

    @Test
    void aSummaryWithAUnitOfItsOwnNamesNatsAndBitsPerThatUnit() {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("steps", 100);
        s.put("train_tokens", 1638400L);
        s.put("val_nats_per_token", 1.35);
        s.put("token_unit", "base");
        s.put("val_bits_per_base", 1.35 / Math.log(2));
        s.put("val_ppl", Math.exp(1.35));
        assertEquals("steps 100, 1,638,400 train tokens: validation 1.3500 nats/base, 1.9476 bits/base, "
                + "perplexity <= 3.857 (NELBO bound)", Summaries.describe(s));
    }
}
