package org.mdlm.domains.dna.fasta;

import java.util.Arrays;

/**
 * The runs of unknown bases ({@code N}) of a genome, as sorted, disjoint half-open intervals of
 * genome positions, with running totals: how many N a stretch holds is answered in
 * {@code O(log runs)} without reading its bases. A run never spans two chromosomes.
 */
public final class NRuns {

    private final long[] starts;
    private final long[] ends;
    /** {@code before[i]}: number of N in the runs before run i. */
    private final long[] before;

    private NRuns(long[] starts, long[] ends) {
        this.starts = starts;
        this.ends = ends;
        this.before = new long[starts.length + 1];
        for (int i = 0; i < starts.length; i++) {
            before[i + 1] = before[i] + ends[i] - starts[i];
        }
    }

    /**
     * Runs from arrays of starts and ends.
     *
     * @throws IllegalArgumentException unless the runs are non-empty, sorted and disjoint
     */
    public static NRuns of(long[] starts, long[] ends) {
        if (starts.length != ends.length) {
            throw new IllegalArgumentException(starts.length + " starts but " + ends.length + " ends");
        }
        for (int i = 0; i < starts.length; i++) {
            if (starts[i] < 0 || ends[i] <= starts[i] || (i > 0 && starts[i] < ends[i - 1])) {
                throw new IllegalArgumentException("run " + i + " [" + starts[i] + ", " + ends[i]
                        + ") is empty, negative or overlaps the run before");
            }
        }
        return new NRuns(starts.clone(), ends.clone());
    }

    /** Number of runs. */
    public int size() {
        return starts.length;
    }

    /** Start of run {@code i}. */
    public long start(int i) {
        return starts[i];
    }

    /** End (exclusive) of run {@code i}. */
    public long end(int i) {
        return ends[i];
    }

    /** Total number of N. */
    public long total() {
        return before[starts.length];
    }

    /** Number of N in {@code [from, to)}; 0 when {@code to <= from}. */
    public long count(long from, long to) {
        return to <= from ? 0 : below(to) - below(from);
    }

    /** Whether the base at {@code position} is N. */
    public boolean isN(long position) {
        int k = runsStartingBefore(position + 1);
        return k > 0 && position < ends[k - 1];
    }

    /** Index of the first run that ends after {@code position} (end greater than it), or {@link #size()}. */
    public int firstEndingAfter(long position) {
        int lo = 0;
        int hi = ends.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (ends[mid] > position) {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        return lo;
    }

    /** Number of N at positions below {@code p}. */
    private long below(long p) {
        int k = runsStartingBefore(p);
        return k == 0 ? 0 : before[k - 1] + Math.min(p, ends[k - 1]) - starts[k - 1];
    }

    /** Number of runs whose start is below {@code p}. */
    private int runsStartingBefore(long p) {
        int i = Arrays.binarySearch(starts, p);
        return i >= 0 ? i : -i - 1;
    }

    /** Collects runs in increasing order. */
    public static final class Builder {
        private long[] starts = new long[16];
        private long[] ends = new long[16];
        private int n;

        /** An empty builder. */
        public Builder() {
        }

        /**
         * Appends the run {@code [start, end)}.
         *
         * @throws IllegalArgumentException if the run is empty or starts before the last one ends
         */
        public void add(long start, long end) {
            if (end <= start || (n > 0 && start < ends[n - 1])) {
                throw new IllegalArgumentException("run [" + start + ", " + end + ") is empty or out of order");
            }
            if (n == starts.length) {
                starts = Arrays.copyOf(starts, n * 2);
                ends = Arrays.copyOf(ends, n * 2);
            }
            starts[n] = start;
            ends[n] = end;
            n++;
        }

        /** The runs added so far. */
        public NRuns build() {
            return new NRuns(Arrays.copyOf(starts, n), Arrays.copyOf(ends, n));
        }
    }
}
