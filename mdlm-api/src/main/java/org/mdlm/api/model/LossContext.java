package org.mdlm.api.model;

import org.mdlm.api.domain.Vocabulary;
import org.mdlm.api.schedule.NoiseSchedule;
import org.nd4j.autodiff.samediff.SDVariable;

/**
 * The graph inputs an objective's loss may use, handed to it by the engine when it builds the
 * training (and evaluation) graph. The time inputs and row inputs are declared on first use: the
 * engine feeds exactly the placeholders an objective asked for.
 */
public interface LossContext {

    /** Raw backbone output [B, L, V]. */
    SDVariable logits();

    /** Clean tokens, INT32 [B, L]. */
    SDVariable x0();

    /** The backbone's input tokens, INT32 [B, L] ({@link Corruption#xt()}). */
    SDVariable xt();

    /** Diffusion time per sequence, FLOAT [B]. */
    SDVariable t();

    /** sigma(t) per sequence, FLOAT [B] (whether or not the backbone is time-conditioned). */
    SDVariable sigma();

    /** d sigma / d t at t per sequence, FLOAT [B]. */
    SDVariable dsigma();

    /**
     * A FLOAT [B] placeholder filled, for every batch, from {@link Corruption#rowValues()} under
     * {@code name} (computed in double precision by the objective's route).
     */
    SDVariable rowInput(String name);

    /** The token layout. */
    Vocabulary vocabulary();

    /** The noise schedule. */
    NoiseSchedule schedule();
}
