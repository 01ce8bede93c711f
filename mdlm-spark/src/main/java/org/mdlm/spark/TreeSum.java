package org.mdlm.spark;

import java.io.Serializable;
import java.util.HashMap;
import java.util.Map;

/**
 * The sum of the contributions of workers {@code 0..n-1} in a fixed binary tree, whatever order
 * they arrive and are merged in: Spark's {@code treeAggregate} merges partial results in the order
 * tasks finish, and float addition is not associative, so without this a run would not be
 * reproducible. Leaf {@code w} is node (0, w); node (k, i) is the sum of its children (k-1, 2i) and
 * (k-1, 2i+1), left first, computed as soon as both are present; a node whose right sibling covers
 * no worker moves up unchanged. Every node's value is therefore the same in every merge order, and
 * partial sums shrink as they travel up Spark's tree.
 *
 * <p>For two workers the root is {@code c0 + c1}, the same operations as the threads of a process
 * (which sum in worker order); for three it is {@code (c0 + c1) + c2}, also the same; from four on
 * the grouping differs from worker order by float rounding only.
 */
final class TreeSum implements Serializable {

    private static final long serialVersionUID = 1L;
    private final int workers;
    private final int height;
    /** Present nodes by key {@link #key}. */
    private final Map<Long, ShardPart> nodes = new HashMap<>();

    /** An empty sum over {@code workers} leaves. */
    TreeSum(int workers) {
        if (workers < 1) {
            throw new IllegalArgumentException("a sum needs at least 1 worker, got " + workers);
        }
        this.workers = workers;
        this.height = 32 - Integer.numberOfLeadingZeros(workers - 1);
    }

    /** Adds worker {@code w}'s contribution (each worker exactly once). */
    TreeSum add(int w, ShardPart part) {
        if (w < 0 || w >= workers) {
            throw new IllegalArgumentException("worker " + w + " of " + workers);
        }
        put(0, w, part);
        return this;
    }

    /** Adds every node of {@code other} (a sum over other workers of the same tree). */
    TreeSum merge(TreeSum other) {
        if (other.workers != workers) {
            throw new IllegalArgumentException("sums over " + workers + " and " + other.workers + " workers");
        }
        for (Map.Entry<Long, ShardPart> e : other.nodes.entrySet()) {
            put((int) (e.getKey() >>> 32), (int) (long) e.getKey(), e.getValue());
        }
        return this;
    }

    /**
     * The total once every worker has been added.
     *
     * @throws IllegalStateException naming how many nodes are still apart when some worker is missing
     */
    ShardPart total() {
        ShardPart root = nodes.get(key(height, 0));
        if (root == null || nodes.size() != 1) {
            throw new IllegalStateException("the sum is incomplete: " + nodes.size() + " partial sums, no total;"
                    + " some worker's contribution is missing");
        }
        return root;
    }

    private void put(int level, int index, ShardPart part) {
        while (level < height) {
            int sibling = index ^ 1;
            if ((long) sibling << level >= workers) {
                // the right sibling covers no worker: move up unchanged
                level++;
                index >>= 1;
                continue;
            }
            ShardPart other = nodes.remove(key(level, sibling));
            if (other == null) {
                break;
            }
            part = (index & 1) == 0 ? part.plus(other) : other.plus(part);
            level++;
            index >>= 1;
        }
        if (nodes.putIfAbsent(key(level, index), part) != null) {
            throw new IllegalStateException("node (" + level + ", " + index + ") of the sum arrived twice");
        }
    }

    private static long key(int level, int index) {
        return ((long) level << 32) | (index & 0xFFFFFFFFL);
    }
}
