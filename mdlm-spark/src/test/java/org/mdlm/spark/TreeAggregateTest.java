package org.mdlm.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.api.java.function.Function2;
import org.junit.jupiter.api.Test;

/**
 * Through Spark itself: {@code treeAggregate} over many partitions that finish in a shuffled order
 * (and, at depth 3, with intermediate sums on executors) gives the fixed tree's total, bit for bit.
 */
class TreeAggregateTest {

    @Test
    void sparkMergesInAnyOrderAndTheTotalIsTheFixedTreesTotal() {
        int n = 11;
        float[][] g = new float[n][];
        for (int w = 0; w < n; w++) {
            g[w] = new float[] {(float) Math.pow(10, w % 9) * (w % 2 == 0 ? 1 : -1) + w / 3f, 1f / (w + 1)};
        }
        TreeSum local = new TreeSum(n);
        for (int w = 0; w < n; w++) {
            local.add(w, new ShardPart(w, 1, g[w].clone()));
        }
        float[] expected = local.total().gradients();
        List<Integer> ids = new ArrayList<>();
        for (int w = 0; w < n; w++) {
            ids.add(w);
        }
        try (JavaSparkContext sc = new JavaSparkContext(SparkTraining.conf("local[2]"))) {
            for (int depth = 1; depth <= 3; depth++) {
                for (int seed = 0; seed < 2; seed++) {
                    int s = seed;
                    Function2<TreeSum, Integer, TreeSum> add = (sum, w) -> {
                        Thread.sleep(((w * 7 + s * 3) % 5) * 20L);   // partitions finish out of order
                        return sum.add(w, new ShardPart(w, 1, g[w].clone()));
                    };
                    Function2<TreeSum, TreeSum, TreeSum> merge = TreeSum::merge;
                    ShardPart total = sc.parallelize(ids, n).treeAggregate(new TreeSum(n), add, merge, depth).total();
                    assertArrayEquals(expected, total.gradients(), 0f, "depth " + depth + ", delays " + seed);
                    assertEquals(n, total.counted(), 0.0);
                }
            }
        }
    }
}
