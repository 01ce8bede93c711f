package org.mdlm.process.param;

import java.util.Map;
import org.mdlm.api.domain.Vocabulary;
import org.mdlm.api.model.LossContext;
import org.mdlm.api.schedule.NoiseSchedule;
import org.nd4j.autodiff.samediff.SDVariable;

/**
 * A {@link LossContext} over variables a test made itself: the objective's loss graph is built the
 * way the engine builds it, with the row inputs the test supplies. The time inputs fail: the
 * objectives tested here read their times through row inputs only.
 *
 * @param logits raw logits [B, L, V]
 * @param x0 clean tokens [B, L]
 * @param xt backbone input tokens [B, L]
 * @param rows row inputs by name
 * @param vocabulary the token layout
 * @param schedule the noise schedule
 */
record StubLossContext(SDVariable logits, SDVariable x0, SDVariable xt, Map<String, SDVariable> rows,
                       Vocabulary vocabulary, NoiseSchedule schedule) implements LossContext {

    @Override
    public SDVariable t() {
        throw new AssertionError("this test's objective reads no t input");
    }

    @Override
    public SDVariable sigma() {
        throw new AssertionError("this test's objective reads no sigma input");
    }

    @Override
    public SDVariable dsigma() {
        throw new AssertionError("this test's objective reads no dsigma input");
    }

    @Override
    public SDVariable rowInput(String name) {
        SDVariable v = rows.get(name);
        if (v == null) {
            throw new AssertionError("unexpected row input '" + name + "'");
        }
        return v;
    }
}
