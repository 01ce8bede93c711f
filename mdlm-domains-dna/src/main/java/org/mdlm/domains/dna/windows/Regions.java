package org.mdlm.domains.dna.windows;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Set operations on lists of {@link Region}s, kept sorted and merged within each chromosome. */
public final class Regions {

    private Regions() {
    }

    /**
     * The union of {@code regions}, sorted by position, overlapping or touching regions of the same
     * chromosome merged (regions of two chromosomes never merge, even where they touch at a seam).
     */
    public static List<Region> normalize(List<Region> regions) {
        List<Region> sorted = new ArrayList<>(regions);
        sorted.sort(Comparator.comparingLong(Region::start).thenComparingLong(Region::end));
        List<Region> out = new ArrayList<>();
        for (Region r : sorted) {
            if (!out.isEmpty()) {
                Region last = out.get(out.size() - 1);
                if (last.chromosome() == r.chromosome() && r.start() <= last.end()) {
                    out.set(out.size() - 1, new Region(last.chromosome(), last.start(), Math.max(last.end(), r.end())));
                    continue;
                }
            }
            out.add(r);
        }
        return out;
    }

    /** The positions in both lists; both must be {@linkplain #normalize normalized}. */
    public static List<Region> intersect(List<Region> a, List<Region> b) {
        List<Region> out = new ArrayList<>();
        int i = 0;
        int j = 0;
        while (i < a.size() && j < b.size()) {
            Region x = a.get(i);
            Region y = b.get(j);
            long lo = Math.max(x.start(), y.start());
            long hi = Math.min(x.end(), y.end());
            if (lo < hi) {
                out.add(new Region(x.chromosome(), lo, hi));
            }
            if (x.end() <= y.end()) {
                i++;
            } else {
                j++;
            }
        }
        return out;
    }

    /** Total number of bases. */
    public static long length(List<Region> regions) {
        long n = 0;
        for (Region r : regions) {
            n += r.length();
        }
        return n;
    }
}
