package org.mdlm.domains.dna.fasta;

import java.io.IOException;

/**
 * Where a {@link FastaParser} writes the ids it decodes: appended in order, then turned into
 * {@link Bases} once by {@link #finish()}. {@link #close()} releases what an unfinished sink holds
 * (e.g. deletes its file); closing a finished sink leaves its bases readable.
 */
public interface BaseSink extends AutoCloseable {

    /** Appends {@code ids[off .. off+len)}. */
    void write(byte[] ids, int off, int len) throws IOException;

    /** Number of ids written so far. */
    long length();

    /** Ends writing and returns everything written, readable by position. */
    Bases finish() throws IOException;

    /** Releases the sink; after {@link #finish()} the returned bases stay readable. */
    @Override
    void close() throws IOException;
}
