package org.mdlm.cli.run;

import org.mdlm.api.domain.Domain;
import org.mdlm.api.domain.Split;
import org.mdlm.api.domain.TokenStream;

/**
 * The training and validation token streams of a run, read before anything is written so that a
 * missing or bad corpus leaves no half-made run folder behind.
 *
 * @param train training split
 * @param valid validation split
 */
public record CorpusSplits(TokenStream train, TokenStream valid) {

    /** Reads both splits of the domain's configured corpus. */
    public static CorpusSplits read(Domain domain) {
        return new CorpusSplits(domain.read(Split.TRAIN), domain.read(Split.VALID));
    }
}
