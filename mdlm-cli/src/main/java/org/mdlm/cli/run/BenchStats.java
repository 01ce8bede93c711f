package org.mdlm.cli.run;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Small statistics and clocks for benchmarks. */
public final class BenchStats {

    private BenchStats() {
    }

    /** Median of {@code values} (mean of the middle two for an even count); NaN when empty. */
    public static double median(List<Double> values) {
        if (values.isEmpty()) {
            return Double.NaN;
        }
        List<Double> s = new ArrayList<>(values);
        Collections.sort(s);
        int n = s.size();
        return n % 2 == 1 ? s.get(n / 2) : (s.get(n / 2 - 1) + s.get(n / 2)) / 2;
    }

    /** Smallest value; NaN when empty. */
    public static double min(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).min().orElse(Double.NaN);
    }

    /** Largest value; NaN when empty. */
    public static double max(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).max().orElse(Double.NaN);
    }

    /** Milliseconds from the JVM's start to the wall-clock time {@code epochMs}. */
    public static double msSinceJvmStart(long epochMs) {
        return ProcessHandle.current().info().startInstant()
                .map(start -> (double) (epochMs - start.toEpochMilli())).orElse(Double.NaN);
    }
}
