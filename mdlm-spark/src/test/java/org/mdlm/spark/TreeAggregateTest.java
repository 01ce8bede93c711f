package org.mdlm.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.api.java.function.Function2;
import org.junit.jupiter.api.Test;

/**
 * Through Spark itself: {@code treeAggregate} over partitions that finish in a shuffled order (with
 * intermediate levels on executors at depths 2 and 3) gives the fixed order's total, bit for bit,
 * and every partial result Spark moves is one finished sum: the groups are Spark's own.
 */
class TreeAggregateTest {

    /** Parts held by each partial result Spark handed to a merge (tasks run in this JVM). */
    private static final List<Integer> MOVED = java.util.Collections.synchronizedList(new ArrayList<>());

    @Test
    void sparkMergesInAnyOrderAndTheTotalIsTheFixedTreesTotal() {
        int n = 23;
        float[][] g = new float[n][];
        for (int w = 0; w < n; w++) {
            g[w] = new float[] {(float) Math.pow(10, w % 9) * (w % 2 == 0 ? 1 : -1) + w / 3f, 1f / (w + 1)};
        }
        List<Integer> ids = new ArrayList<>();
        for (int w = 0; w < n; w++) {
            ids.add(w);
        }
        try (JavaSparkContext sc = new JavaSparkContext(SparkTraining.conf("local[2]"))) {
            for (int depth = 1; depth <= 3; depth++) {
                TreeSum local = new TreeSum(n, depth);
                for (int w = n - 1; w >= 0; w--) {
                    local.add(w, new ShardPart(w, 1, g[w].clone()));
                }
                float[] expected = local.total().gradients();
                assertEquals(depth, TreeSum.levels(n, depth).length, "levels at depth " + depth);
                int d = depth;
                for (int seed = 0; seed < 2; seed++) {
                    int s = seed;
                    MOVED.clear();
                    Function2<TreeSum, Integer, TreeSum> add = (sum, w) -> {
                        Thread.sleep(((w * 7 + s * 3) % 5) * 10L);   // partitions finish out of order
                        return sum.add(w, new ShardPart(w, 1, g[w].clone()));
                    };
                    Function2<TreeSum, TreeSum, TreeSum> merge = (a, b) -> {
                        MOVED.add(b.parts());
                        return a.merge(b);
                    };
                    ShardPart total = sc.parallelize(ids, n).treeAggregate(new TreeSum(n, d), add, merge, d).total();
                    assertArrayEquals(expected, total.gradients(), 0f, "depth " + depth + ", delays " + seed);
                    assertEquals(n, total.counted(), 0.0);
                    assertTrue(MOVED.stream().allMatch(p -> p <= 1), "each result Spark merged held one sum: " + MOVED);
                }
            }
        }
    }
}
