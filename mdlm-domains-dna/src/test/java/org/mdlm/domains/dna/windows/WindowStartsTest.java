package org.mdlm.domains.dna.windows;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.mdlm.domains.dna.fasta.Genome;
import org.mdlm.domains.dna.fasta.TestGenomes;

/**
 * The allowed window starts, computed from the N runs, equal those of a brute-force scan that
 * counts the N of every window; sampling is uniform over them and the nearest start is the nearest.
 */
class WindowStartsTest {

    /** Every allowed start by brute force, in stream coordinates. */
    private static List<Long> bruteForce(Genome g, List<Region> regions, int len, long maxN) {
        List<Long> out = new ArrayList<>();
        long stream = 0;
        for (Region r : regions) {
            for (long s = r.start(); s + len <= r.end(); s++) {
                long n = 0;
                for (byte b : g.bases().bytes(s, len)) {
                    n += b == 4 ? 1 : 0;
                }
                if (n <= maxN) {
                    out.add(stream + s - r.start());
                }
            }
            stream += r.length();
        }
        return out;
    }

    private static long[] streamStarts(List<Region> regions) {
        long[] s = new long[regions.size()];
        for (int i = 1; i < s.length; i++) {
            s[i] = s[i - 1] + regions.get(i - 1).length();
        }
        return s;
    }

    @Test
    void equalsABruteForceScanOverManyGenomesLengthsAndLimits() {
        SplittableRandom rnd = new SplittableRandom(21);
        for (int trial = 0; trial < 60; trial++) {
            Genome g = TestGenomes.genome(TestGenomes.random(100 + trial, rnd.nextInt(1, 4), 50, 700,
                    rnd.nextDouble(0.001, 0.05), rnd.nextInt(1, 60)));
            List<Region> regions = new RegionSplit(rnd.nextInt(20, 300), 0.3, 0.3, trial).regions(g)
                    .get(org.mdlm.api.domain.Split.values()[trial % 3]);
            int len = rnd.nextInt(1, 80);
            long maxN = rnd.nextInt(0, len + 2);
            WindowStarts starts = WindowStarts.of(regions, streamStarts(regions), g.nRuns(), len, maxN);
            List<Long> expected = bruteForce(g, regions, len, maxN);
            assertEquals(expected.size(), starts.count(), "trial " + trial + ": L " + len + ", maxN " + maxN);
            long total = regions.stream().mapToLong(Region::length).sum();
            int k = 0;
            for (long s = 0; s < total; s++) {
                boolean allowed = k < expected.size() && expected.get(k) == s;
                assertEquals(allowed, starts.contains(s), "trial " + trial + ", start " + s);
                k += allowed ? 1 : 0;
            }
            if (!expected.isEmpty()) {
                for (int q = 0; q < 50; q++) {
                    long proposed = rnd.nextLong(-5, total + 5);
                    long best = expected.get(0);
                    for (long e : expected) {
                        if (Math.abs(e - proposed) < Math.abs(best - proposed)) {
                            best = e;
                        }
                    }
                    assertEquals(best, starts.nearest(proposed), "nearest to " + proposed + " (lower on a tie)");
                }
            }
        }
    }

    @Test
    void samplingIsUniformOverTheAllowedStarts() {
        Genome g = TestGenomes.genome(TestGenomes.random(7, 2, 300, 300, 0.02, 30));
        List<Region> regions = List.of(new Region(0, 0, 300), new Region(1, 300, 600));
        int len = 40;
        WindowStarts starts = WindowStarts.of(regions, streamStarts(regions), g.nRuns(), len, 4);
        List<Long> allowed = bruteForce(g, regions, len, 4);
        assertTrue(allowed.size() > 100 && allowed.size() < 500, "a mix of allowed and refused starts: " + allowed.size());
        int draws = 200 * allowed.size();
        long[] hits = new long[600];
        SplittableRandom rng = new SplittableRandom(3);
        for (int i = 0; i < draws; i++) {
            hits[(int) starts.sample(rng)]++;
        }
        double chi2 = 0;
        for (long s : allowed) {
            chi2 += Math.pow(hits[(int) s] - 200.0, 2) / 200.0;
        }
        long outside = 0;
        for (int s = 0; s < hits.length; s++) {
            outside += allowed.contains((long) s) ? 0 : hits[s];
        }
        assertEquals(0, outside, "no draw outside the allowed starts");
        int dof = allowed.size() - 1;
        assertTrue(Math.abs(chi2 - dof) < 5 * Math.sqrt(2.0 * dof), "chi-square " + chi2 + " for " + dof + " degrees of freedom");
    }
}
