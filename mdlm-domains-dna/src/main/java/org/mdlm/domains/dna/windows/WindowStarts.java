package org.mdlm.domains.dna.windows;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.TreeSet;
import org.mdlm.domains.dna.fasta.NRuns;

/**
 * Every start of a window of {@code len} bases that lies inside one region and holds at most
 * {@code maxN} unknown bases, as sorted runs of consecutive starts in stream coordinates (the
 * regions laid end to end).
 *
 * <p>The set is computed exactly from the N runs, without reading bases: in a region
 * {@code [a, b)} the N count of the window at s, {@code f(s) = #N in [s, s+len)}, changes by
 * {@code isN(s+len) - isN(s)} from s to s+1, which is constant between the points where a run
 * starts or ends at s or at s+len; on each such piece f is linear with slope -1, 0 or +1, so the
 * starts with {@code f(s) <= maxN} form one interval of it. Sampling a start uniformly from this set
 * is what rejection sampling (draw a uniform start, redraw while the window has too many N) would
 * give, but it needs one draw and cannot loop forever: an empty set is known before any draw.
 */
final class WindowStarts {

    private final long[] starts;
    private final long[] counts;
    /** {@code before[i]}: number of starts in the runs before run i. */
    private final long[] before;

    private WindowStarts(long[] starts, long[] counts) {
        this.starts = starts;
        this.counts = counts;
        this.before = new long[starts.length + 1];
        for (int i = 0; i < starts.length; i++) {
            before[i + 1] = before[i] + counts[i];
        }
    }

    /**
     * The allowed starts over {@code regions}.
     *
     * @param regions the regions, in stream order
     * @param streamStarts stream offset of each region's first base
     * @param runs the genome's N runs
     * @param len window length, at least 1
     * @param maxN most unknown bases a window may hold
     */
    static WindowStarts of(List<Region> regions, long[] streamStarts, NRuns runs, int len, long maxN) {
        Builder out = new Builder();
        for (int i = 0; i < regions.size(); i++) {
            Region r = regions.get(i);
            if (r.length() < len) {
                continue;
            }
            long shift = streamStarts[i] - r.start();
            long lo = r.start();
            long hi = r.end() - len + 1;
            if (maxN >= len) {
                out.add(lo + shift, hi + shift);
                continue;
            }
            TreeSet<Long> cuts = new TreeSet<>();
            cuts.add(lo);
            cuts.add(hi);
            for (int k = runs.firstEndingAfter(r.start()); k < runs.size() && runs.start(k) < r.end(); k++) {
                for (long p : new long[] {runs.start(k), runs.end(k), runs.start(k) - len, runs.end(k) - len}) {
                    if (p > lo && p < hi) {
                        cuts.add(p);
                    }
                }
            }
            Long p = cuts.first();
            for (Long q = cuts.higher(p); q != null; p = q, q = cuts.higher(q)) {
                long f = runs.count(p, p + len);
                int slope = (runs.isN(p + len) ? 1 : 0) - (runs.isN(p) ? 1 : 0);
                long from;
                long to;
                if (slope == 0) {
                    from = p;
                    to = f <= maxN ? q : p;
                } else if (slope > 0) {
                    from = p;
                    to = f <= maxN ? Math.min(q, p + (maxN - f) + 1) : p;
                } else {
                    from = Math.max(p, p + (f - maxN));
                    to = q;
                }
                if (from < to) {
                    out.add(from + shift, to + shift);
                }
            }
        }
        return out.build();
    }

    /** Number of allowed starts. */
    long count() {
        return before[starts.length];
    }

    /**
     * One allowed start drawn uniformly with one {@code rng.nextLong} call.
     *
     * @throws IllegalStateException if there is none
     */
    long sample(SplittableRandom rng) {
        if (count() == 0) {
            throw new IllegalStateException("no allowed start");
        }
        long r = rng.nextLong(count());
        int i = Arrays.binarySearch(before, 0, starts.length, r);
        i = i >= 0 ? i : -i - 2;
        while (counts[i] == 0) {
            i++;
        }
        return starts[i] + (r - before[i]);
    }

    /**
     * The allowed start nearest to {@code proposed} (the lower one on a tie).
     *
     * @throws IllegalStateException if there is none
     */
    long nearest(long proposed) {
        if (count() == 0) {
            throw new IllegalStateException("no allowed start");
        }
        int i = Arrays.binarySearch(starts, proposed);
        i = i >= 0 ? i : -i - 2;
        if (i < 0) {
            return starts[0];
        }
        long last = starts[i] + counts[i] - 1;
        if (proposed <= last) {
            return proposed;
        }
        if (i + 1 < starts.length && starts[i + 1] - proposed < proposed - last) {
            return starts[i + 1];
        }
        return last;
    }

    /** Whether {@code start} is allowed. */
    boolean contains(long start) {
        int i = Arrays.binarySearch(starts, start);
        i = i >= 0 ? i : -i - 2;
        return i >= 0 && start < starts[i] + counts[i];
    }

    /** Collects runs of starts in increasing order, joining touching ones. */
    private static final class Builder {
        private long[] starts = new long[16];
        private long[] counts = new long[16];
        private int n;

        void add(long from, long to) {
            if (n > 0 && starts[n - 1] + counts[n - 1] == from) {
                counts[n - 1] += to - from;
                return;
            }
            if (n == starts.length) {
                starts = Arrays.copyOf(starts, n * 2);
                counts = Arrays.copyOf(counts, n * 2);
            }
            starts[n] = from;
            counts[n] = to - from;
            n++;
        }

        WindowStarts build() {
            return new WindowStarts(Arrays.copyOf(starts, n), Arrays.copyOf(counts, n));
        }
    }
}
