package org.mdlm.engine;

import java.util.Map;
import java.util.function.Supplier;
import org.mdlm.api.domain.Vocabulary;
import org.mdlm.api.model.OutputContext;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The engine's {@link OutputContext}: logits and xt exist already; the true sigma(t) becomes a FLOAT
 * [B] placeholder the first time the objective asks for it, and {@link #fill} feeds it only then.
 */
final class GraphOutputContext implements OutputContext {

    static final String SIGMA = "output.sigma";

    private final SameDiff sd;
    private final SDVariable logits;
    private final SDVariable xt;
    private final Vocabulary vocabulary;
    private final Supplier<SDVariable> time;
    private boolean sigmaDeclared;

    /** @param time the time of each sequence (objectives with embedding-space states), or null */
    GraphOutputContext(SameDiff sd, SDVariable logits, SDVariable xt, Vocabulary vocabulary, Supplier<SDVariable> time) {
        this.sd = sd;
        this.time = time;
        this.logits = logits;
        this.xt = xt;
        this.vocabulary = vocabulary;
    }

    @Override
    public SDVariable logits() {
        return logits;
    }

    @Override
    public SDVariable xt() {
        return xt;
    }

    @Override
    public SDVariable sigma() {
        if (!sigmaDeclared) {
            sd.placeHolder(SIGMA, DataType.FLOAT, -1);
            sigmaDeclared = true;
        }
        return sd.getVariable(SIGMA);
    }

    @Override
    public Vocabulary vocabulary() {
        return vocabulary;
    }

    @Override
    public SDVariable t() {
        if (time == null) {
            return OutputContext.super.t();
        }
        return time.get();
    }

    /** Feeds the true sigma of each sequence when the output declared it. */
    void fill(Map<String, INDArray> ph, double[] sigma) {
        if (sigmaDeclared) {
            ph.put(SIGMA, ModelGraph.floats(sigma));
        }
    }
}
