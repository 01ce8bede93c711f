package org.mdlm.engine;

import java.util.Map;
import java.util.Optional;
import org.mdlm.api.domain.Vocabulary;
import org.mdlm.api.model.GraphFeeds;
import org.mdlm.api.model.VectorContext;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The engine's {@link VectorContext}. In a graph with a loss, x0 exists and the time is the loss
 * context's {@code route.t}; in an inference graph the time ({@code input.t}) and the state
 * ({@code input.state}) are placeholders that {@link #fill} feeds from a sampler's call.
 */
final class GraphVectorContext implements VectorContext {

    static final String T = "input.t";
    static final String STATE = "input.state";

    private final SameDiff sd;
    private final SDVariable x0;
    private final GraphLossContext lossContext;
    private final GraphFeeds feeds;
    private final boolean training;
    private final long initSeed;
    private final Vocabulary vocabulary;
    private int stateWidth;
    private SelfCondition selfCondition;

    /** A declared self-conditioning input: where it goes, its width, what feeds it and which rows get it. */
    record SelfCondition(String name, int width, String source, String rows) {
    }

    /**
     * @param x0 the clean tokens, or null in an inference graph
     * @param lossContext the loss context whose time this graph shares, or null in an inference graph
     */
    GraphVectorContext(SameDiff sd, SDVariable x0, GraphLossContext lossContext, GraphFeeds feeds, boolean training,
                       long initSeed, Vocabulary vocabulary) {
        this.sd = sd;
        this.x0 = x0;
        this.lossContext = lossContext;
        this.feeds = feeds;
        this.training = training;
        this.initSeed = initSeed;
        this.vocabulary = vocabulary;
    }

    @Override
    public Optional<SDVariable> x0() {
        return Optional.ofNullable(x0);
    }

    @Override
    public SDVariable t() {
        if (lossContext != null) {
            return lossContext.t();
        }
        return sd.hasVariable(T) ? sd.getVariable(T) : sd.placeHolder(T, DataType.FLOAT, -1);
    }

    @Override
    public SDVariable state(int width) {
        if (x0 != null) {
            throw new IllegalStateException("a graph with a loss makes its state from x0; the state placeholder "
                    + "exists only in inference graphs");
        }
        if (width < 1) {
            throw new IllegalArgumentException("state width must be >= 1, got " + width);
        }
        if (stateWidth != 0 && stateWidth != width) {
            throw new IllegalArgumentException("state declared with width " + stateWidth + ", asked again with " + width);
        }
        if (stateWidth == 0) {
            sd.placeHolder(STATE, DataType.FLOAT, -1, -1, width);
            stateWidth = width;
        }
        return sd.getVariable(STATE);
    }

    @Override
    public GraphFeeds feeds() {
        return feeds;
    }

    @Override
    public boolean training() {
        return training;
    }

    @Override
    public long initSeed() {
        return initSeed;
    }

    @Override
    public Vocabulary vocabulary() {
        return vocabulary;
    }

    @Override
    public SDVariable selfCondition(String name, int width, String source, String rows) {
        if (selfCondition != null) {
            throw new IllegalStateException("a graph has at most one self-conditioning input; '"
                    + selfCondition.name() + "' is declared");
        }
        if (width < 1) {
            throw new IllegalArgumentException("self-conditioning width must be >= 1, got " + width);
        }
        selfCondition = new SelfCondition(name, width, source, rows);
        return sd.placeHolder(name, DataType.FLOAT, -1, -1, width);
    }

    /** The declared self-conditioning input, or null. */
    SelfCondition selfConditioning() {
        return selfCondition;
    }

    /** The declared state width, 0 when no state placeholder exists. */
    int stateWidth() {
        return stateWidth;
    }

    /** Feeds an inference call's time and state (when declared). */
    void fill(Map<String, INDArray> ph, double[] t, INDArray state) {
        if (sd.hasVariable(T) && lossContext == null) {
            ph.put(T, ModelGraph.floats(t));
        }
        if (stateWidth != 0) {
            ph.put(STATE, state);
        }
    }
}
