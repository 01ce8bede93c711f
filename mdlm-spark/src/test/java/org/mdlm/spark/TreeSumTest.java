package org.mdlm.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The fixed tree: float addition is not associative, so the order matters, and the tree fixes it
 * whatever order contributions arrive and partial sums are merged in.
 */
class TreeSumTest {

    /** Four one-float contributions whose sum depends on the grouping in float arithmetic. */
    private static final float[] TERMS = {1e8f, 3f, -1e8f, 3f};

    private static ShardPart part(float g, double loss) {
        return new ShardPart(loss, 1, new float[] {g});
    }

    @Test
    void fourWorkersAddAsTwoPairs() {
        // (1e8 + 3) + (-1e8 + 3) = 1e8 + (-1e8 + 3): 1e8 + 3 rounds to 1e8 in float (spacing 8), and
        // -1e8 + 3 to -1e8, so the pairs give 0; in worker order ((1e8 + 3) - 1e8) + 3 = 3.
        TreeSum sum = new TreeSum(4);
        for (int w = 0; w < 4; w++) {
            sum.add(w, part(TERMS[w], w));
        }
        float pairs = (TERMS[0] + TERMS[1]) + (TERMS[2] + TERMS[3]);
        float inOrder = ((TERMS[0] + TERMS[1]) + TERMS[2]) + TERMS[3];
        assertEquals(0f, pairs);
        assertEquals(3f, inOrder);
        assertEquals(pairs, sum.total().gradients()[0]);
        assertEquals(0 + 1 + 2 + 3, sum.total().weightedLoss(), 0.0);
        assertEquals(4, sum.total().counted(), 0.0);
    }

    @Test
    void twoAndThreeWorkersAddInWorkerOrderAsTheThreadsOfAProcessDo() {
        TreeSum three = new TreeSum(3);
        three.add(2, part(TERMS[2], 0)).add(0, part(TERMS[0], 0)).add(1, part(TERMS[1], 0));
        assertEquals((TERMS[0] + TERMS[1]) + TERMS[2], three.total().gradients()[0]);
        TreeSum two = new TreeSum(2);
        two.add(1, part(0.1f, 0.25)).add(0, part(0.2f, 0.5));
        assertEquals(0.2f + 0.1f, two.total().gradients()[0]);
        assertEquals(0.75, two.total().weightedLoss(), 0.0);
    }

    @Test
    void everyArrivalAndMergeOrderGivesTheSameBits() {
        Random random = new Random(11);
        for (int n = 1; n <= 9; n++) {
            float[][] g = new float[n][5];
            for (float[] row : g) {
                for (int i = 0; i < row.length; i++) {
                    row[i] = (float) (random.nextGaussian() * Math.pow(10, random.nextInt(8)));
                }
            }
            float[] expected = null;
            for (int trial = 0; trial < 30; trial++) {
                // Contributions spread over random partial sums, merged in a random order.
                List<Integer> order = new ArrayList<>();
                for (int w = 0; w < n; w++) {
                    order.add(w);
                }
                Collections.shuffle(order, random);
                List<TreeSum> partials = new ArrayList<>();
                for (int w : order) {
                    if (partials.isEmpty() || random.nextBoolean()) {
                        partials.add(new TreeSum(n));
                    }
                    partials.get(partials.size() - 1).add(w, new ShardPart(w, 1, g[w].clone()));
                }
                while (partials.size() > 1) {
                    TreeSum a = partials.remove(random.nextInt(partials.size()));
                    TreeSum b = partials.remove(random.nextInt(partials.size()));
                    partials.add(a.merge(b));
                }
                float[] total = partials.get(0).total().gradients();
                if (expected == null) {
                    expected = total;
                } else {
                    assertArrayEquals(expected, total, 0f, n + " workers, trial " + trial);
                }
            }
        }
    }

    @Test
    void emptyShardsAreSkippedAndMissingOrRepeatedOnesRefused() {
        TreeSum sum = new TreeSum(3);
        ShardPart only = part(2.5f, 0.5);
        sum.add(0, ShardPart.EMPTY).add(1, only).add(2, ShardPart.EMPTY);
        assertSame(only, sum.total(), "nothing added to the one non-empty shard");

        TreeSum none = new TreeSum(2).add(0, ShardPart.EMPTY).add(1, ShardPart.EMPTY);
        assertTrue(none.total().isEmpty());

        TreeSum incomplete = new TreeSum(3).add(0, part(1, 1)).add(2, part(1, 1));
        IllegalStateException e = assertThrows(IllegalStateException.class, incomplete::total);
        assertTrue(e.getMessage().contains("incomplete"), e.getMessage());
        assertThrows(IllegalStateException.class, () -> new TreeSum(3).add(2, part(1, 1)).add(2, part(1, 1)));
        assertThrows(IllegalArgumentException.class, () -> new TreeSum(2).add(2, part(1, 1)));
        assertThrows(IllegalArgumentException.class, () -> new TreeSum(2).merge(new TreeSum(3)));
        assertNotEquals(0f, part(1, 1).gradients()[0]);
    }
}
