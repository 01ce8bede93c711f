package org.mdlm.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The fixed order: float addition is not associative, so the order matters, and the sum fixes it
 * along Spark's aggregation tree whatever order contributions arrive and partial sums are merged in.
 */
class TreeSumTest {

    private static ShardPart part(float g, double loss) {
        return new ShardPart(loss, 1, new float[] {g});
    }

    @Test
    void theLevelsAreThoseOfSparksTreeAggregate() {
        assertArrayEquals(new int[] {2}, TreeSum.levels(2, 2));
        assertArrayEquals(new int[] {5}, TreeSum.levels(5, 2), "5 > 3 + ceil(5/3) fails: no level");
        assertArrayEquals(new int[] {6, 2}, TreeSum.levels(6, 2), "scale 3, 6 > 3 + 2: 6/3 = 2 partitions");
        assertArrayEquals(new int[] {64, 8}, TreeSum.levels(64, 2));
        assertArrayEquals(new int[] {100, 20, 4}, TreeSum.levels(100, 3), "scale 5: 100 -> 20 -> 4");
        assertArrayEquals(new int[] {1000}, TreeSum.levels(1000, 1));
    }

    @Test
    void withoutAnIntermediateLevelWorkersAddInWorkerOrderAsTheThreadsOfAProcessDo() {
        // ((1e8 + 3) - 1e8) + 3 = 3 in float (1e8 + 3 rounds to 1e8: the spacing there is 8), while
        // (1e8 + 3) + (-1e8 + 3) = 0: the order is visible in the result.
        float[] terms = {1e8f, 3f, -1e8f, 3f};
        TreeSum sum = new TreeSum(4, 2);
        for (int w : new int[] {3, 1, 0, 2}) {
            sum.add(w, part(terms[w], w));
        }
        assertEquals(3f, ((terms[0] + terms[1]) + terms[2]) + terms[3]);
        assertEquals(3f, sum.total().gradients()[0]);
        assertEquals(0 + 1 + 2 + 3, sum.total().weightedLoss(), 0.0);
        assertEquals(4, sum.total().counted(), 0.0);
    }

    @Test
    void sixWorkersAtDepthTwoAddInSparksTwoGroups() {
        // Spark's level of 2 partitions takes workers i mod 2: {0, 2, 4} and {1, 3, 5}; the driver
        // adds the two: ((c0 + c2) + c4) + ((c1 + c3) + c5). Small terms added to 1e8 vanish (the
        // float spacing there is 8): in worker order only c5 survives (0.25); in Spark's groups the
        // odd group never meets 1e8, so c1 + c3 + c5 = 3.75 survives.
        float[] c = {1e8f, 3f, 3f, 0.5f, -1e8f, 0.25f};
        float groups = ((c[0] + c[2]) + c[4]) + ((c[1] + c[3]) + c[5]);
        float inOrder = ((((c[0] + c[1]) + c[2]) + c[3]) + c[4]) + c[5];
        assertEquals(3.75f, groups);
        assertEquals(0.25f, inOrder, "the order changes the result");
        TreeSum sum = new TreeSum(6, 2);
        for (int w = 5; w >= 0; w--) {
            sum.add(w, part(c[w], 0));
        }
        assertEquals(groups, sum.total().gradients()[0]);
    }

    @Test
    void everyArrivalAndMergeOrderGivesTheSameBits() {
        Random random = new Random(11);
        for (int depth = 1; depth <= 3; depth++) {
            for (int n = 1; n <= 40; n += n < 8 ? 1 : 7) {
                float[][] g = new float[n][4];
                for (float[] row : g) {
                    for (int i = 0; i < row.length; i++) {
                        row[i] = (float) (random.nextGaussian() * Math.pow(10, random.nextInt(8)));
                    }
                }
                float[] expected = null;
                for (int trial = 0; trial < 20; trial++) {
                    float[] total = shuffledSum(n, depth, g, random).total().gradients();
                    if (expected == null) {
                        expected = total;
                    } else {
                        assertArrayEquals(expected, total, 0f, n + " workers, depth " + depth + ", trial " + trial);
                    }
                }
            }
        }
    }

    /** Contributions spread over random partial sums, merged in a random order. */
    private static TreeSum shuffledSum(int n, int depth, float[][] g, Random random) {
        List<Integer> order = new ArrayList<>();
        for (int w = 0; w < n; w++) {
            order.add(w);
        }
        Collections.shuffle(order, random);
        List<TreeSum> partials = new ArrayList<>();
        for (int w : order) {
            if (partials.isEmpty() || random.nextBoolean()) {
                partials.add(new TreeSum(n, depth));
            }
            partials.get(partials.size() - 1).add(w, new ShardPart(w, 1, g[w].clone()));
        }
        while (partials.size() > 1) {
            TreeSum a = partials.remove(random.nextInt(partials.size()));
            TreeSum b = partials.remove(random.nextInt(partials.size()));
            partials.add(a.merge(b));
        }
        return partials.get(0);
    }

    @Test
    void emptyShardsAreSkippedAndMissingOrRepeatedOnesRefused() {
        TreeSum sum = new TreeSum(3, 2);
        ShardPart only = part(2.5f, 0.5);
        sum.add(2, ShardPart.EMPTY).add(1, only).add(0, ShardPart.EMPTY);
        assertSame(only, sum.total(), "nothing added to the one non-empty shard");

        assertTrue(new TreeSum(2, 2).add(0, ShardPart.EMPTY).add(1, ShardPart.EMPTY).total().isEmpty());

        TreeSum incomplete = new TreeSum(3, 2).add(0, part(1, 1)).add(2, part(1, 1));
        IllegalStateException e = assertThrows(IllegalStateException.class, incomplete::total);
        assertTrue(e.getMessage().contains("incomplete"), e.getMessage());
        assertThrows(IllegalStateException.class, () -> new TreeSum(3, 2).add(2, part(1, 1)).add(2, part(1, 1)));
        assertThrows(IllegalArgumentException.class, () -> new TreeSum(2, 2).add(2, part(1, 1)));
        assertThrows(IllegalArgumentException.class, () -> new TreeSum(2, 2).merge(new TreeSum(3, 2)));
    }
}
