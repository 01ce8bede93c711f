package org.mdlm.cli.run;

import java.io.PrintWriter;
import java.util.Locale;
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

    /** Reads (and tokenizes) both splits of the domain's configured corpus, reporting how long it took. */
    public static CorpusSplits read(Domain domain, PrintWriter progress) {
        progress.println("reading and tokenizing " + domain.dataSource() + " ...");
        long start = System.nanoTime();
        CorpusSplits splits = new CorpusSplits(domain.read(Split.TRAIN), domain.read(Split.VALID));
        progress.printf(Locale.ROOT, "read %,d + %,d tokens in %.1f s%n", splits.train().length(),
                splits.valid().length(), (System.nanoTime() - start) / 1e9);
        return splits;
    }
}
