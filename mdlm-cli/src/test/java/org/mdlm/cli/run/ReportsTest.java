package org.mdlm.cli.run;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.mdlm.engine.EvalResult;

/** Evaluation lines and metric keys in each domain's units (hand-computed figures: 1.35 nats = 1.9476 bits). */
class ReportsTest {

    private static final EvalResult BOUND = new EvalResult(1.35, 0.01, 16, 64, 16384, false);

    @Test
    void plainTokensGetNatsAndPerplexityOnly() {
        assertEquals("1.3500 ± 0.0100 nats/token, perplexity <= 3.857 (NELBO bound)",
                Reports.evaluation(BOUND, ReportUnit.TOKEN));
        assertEquals(Optional.empty(), ReportUnit.TOKEN.bitsKey());
    }

    @Test
    void charactersGetBitsPerCharacter() {
        ReportUnit chars = new ReportUnit("token", true);
        assertEquals("1.3500 ± 0.0100 nats/token, 1.9476 ± 0.0144 bits/char, perplexity <= 3.857 (NELBO bound)",
                Reports.evaluation(BOUND, chars));
        assertEquals(Optional.of("val_bpc"), chars.bitsKey());
    }

    @Test
    void basesGetNatsAndBitsPerBase() {
        ReportUnit bases = new ReportUnit("base", false);
        assertEquals("1.3500 ± 0.0100 nats/base, 1.9476 ± 0.0144 bits/base, perplexity <= 3.857 (NELBO bound)",
                Reports.evaluation(BOUND, bases));
        assertEquals("1.3500 nats/base, 1.9476 bits/base, perplexity = 3.857 (exact NLL)",
                Reports.evaluation(new EvalResult(1.35, Double.NaN, 1, 1, 100, true), bases));
        assertEquals(Optional.of("val_bits_per_base"), bases.bitsKey());
    }
}
