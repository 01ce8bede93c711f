package org.mdlm.domains.text.cache;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;

/**
 * A progress line on standard error while a corpus is tokenized: a bar, bytes read of the total
 * (as stored on disk, so compressed files count compressed bytes), bytes/s, tokens and the ETA.
 * The first line appears after a second (small corpora print nothing), then at most once a second.
 */
public final class TokenizeProgress {

    private static final int BAR = 24;
    private final String what;
    private final long totalBytes;
    private final PrintStream out;
    private final long started = System.nanoTime();
    private long bytes;
    private long lastPrint = started;
    private boolean printed;

    /**
     * @param what what is tokenized, e.g. "train (webtext-standin/train.jsonl.gz, gpt2)"
     * @param totalBytes bytes of all files to read
     */
    public TokenizeProgress(String what, long totalBytes, PrintStream out) {
        this.what = what;
        this.totalBytes = Math.max(1, totalBytes);
        this.out = out;
    }

    /** Counts the bytes read from {@code in}. */
    public InputStream counting(InputStream in) {
        return new FilterInputStream(in) {
            @Override
            public int read() throws IOException {
                int b = super.read();
                if (b >= 0) {
                    bytes++;
                }
                return b;
            }

            @Override
            public int read(byte[] buf, int off, int len) throws IOException {
                int n = super.read(buf, off, len);
                if (n > 0) {
                    bytes += n;
                }
                return n;
            }
        };
    }

    /** Prints a line when a second has passed since the last one. */
    public void tick(long tokens) {
        long now = System.nanoTime();
        if (now - lastPrint >= 1_000_000_000L) {
            lastPrint = now;
            printed = true;
            out.print("\r" + line(tokens, now));
            out.flush();
        }
    }

    /** Ends the progress line (if one was printed) with the totals. */
    public void done(long tokens) {
        if (printed) {
            out.println("\r" + line(tokens, System.nanoTime()));
        }
    }

    /** Seconds since the start. */
    public double seconds() {
        return (System.nanoTime() - started) / 1e9;
    }

    private String line(long tokens, long now) {
        double s = Math.max(1e-9, (now - started) / 1e9);
        double f = Math.min(1.0, bytes / (double) totalBytes);
        int filled = (int) Math.round(f * BAR);
        double rate = bytes / s;
        long eta = rate > 0 ? Math.round((totalBytes - bytes) / rate) : 0;
        return String.format("tokenizing %s [%s%s] %3.0f%% %.1f/%.1f MB, %.1f MB/s, %,d tokens, ETA %d s   ",
                what, "#".repeat(filled), ".".repeat(BAR - filled), 100 * f, bytes / 1e6, totalBytes / 1e6,
                rate / 1e6, tokens, eta);
    }
}
