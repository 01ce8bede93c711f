package org.mdlm.api.model;

import java.util.Optional;
import org.mdlm.api.domain.Vocabulary;
import org.nd4j.autodiff.samediff.SDVariable;

/**
 * What an objective with continuous states (see {@link Parameterization#embeddingDiffusion()}) may
 * use when it builds the backbone's input vectors. In a graph that trains or evaluates, the state is
 * made from the clean tokens {@link #x0()} inside the graph; in an inference graph the sampler feeds
 * it through {@link #state(int)}.
 */
public interface VectorContext {

    /** Clean tokens, INT32 [B, L], in graphs that compute a loss; empty in inference graphs. */
    Optional<SDVariable> x0();

    /** The time of each sequence, FLOAT [B] (declared on first use). */
    SDVariable t();

    /**
     * The state z_t, FLOAT [B, L, width], fed by the sampler (declared on first use).
     *
     * @throws IllegalStateException in graphs that compute a loss (there the state comes from x0)
     */
    SDVariable state(int width);

    /** Where to declare per-call placeholders, such as the Gaussian noise of the forward process. */
    GraphFeeds feeds();

    /** True for the training graph. */
    boolean training();

    /** Seed for the initial values of the objective's own parameters. */
    long initSeed();

    /** The token layout. */
    Vocabulary vocabulary();

    /**
     * Declares a FLOAT [B, L, width] input that the engine fills, on every call, with this graph's own
     * output {@code source} [B, L, width] from a first pass of the same call in which the input is zero
     * (self-conditioning: the model sees its own estimate; no gradient flows through it). In graphs
     * with a loss only the sequences whose row value {@code rows} (from the objective's
     * {@link Corruption#rowValues()}) is 1 receive it, the others keep zeros; in inference graphs every
     * sequence does. Each call then costs one more forward pass.
     *
     * @param name the input's name
     * @param width its last dimension
     * @param source the name of the graph variable to feed back (declared by the objective anywhere in
     *               the graph, e.g. in its denoiser output)
     * @param rows the row value that selects the sequences in graphs with a loss
     */
    SDVariable selfCondition(String name, int width, String source, String rows);
}
