package org.mdlm.engine;

/** Receives evaluation progress: sequences evaluated so far out of the total. */
@FunctionalInterface
public interface EvalProgress {

    /** Reports nothing. */
    EvalProgress NONE = (done, total) -> { };

    /**
     * @param done sequences evaluated so far
     * @param total sequences in all ({@code windows * tSamples})
     */
    void onProgress(int done, int total);
}
