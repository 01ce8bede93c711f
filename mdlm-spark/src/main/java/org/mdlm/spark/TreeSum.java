package org.mdlm.spark;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The sum of the contributions of workers {@code 0..n-1} in a fixed order, whatever order Spark
 * delivers and merges them in. Spark's {@code treeAggregate} merges partial results in the order
 * tasks finish, and float addition is not associative, so a plain sum would make a run
 * irreproducible; here every node of the tree is the left-to-right sum of its members in index
 * order ({@code ((c0 + c1) + c2) + ...}), computed as soon as its first members are present, and
 * only then handed up.
 *
 * <p>The tree is Spark's own aggregation tree ({@link #levels}): {@code treeAggregate} at depth
 * {@code d} sends partition {@code i} of a level of {@code m} partitions to partition
 * {@code i mod m'} of the next, smaller one, and the driver folds the last level. Grouping the
 * same way, each executor that merges a group forwards one finished sum, so partial results do not
 * grow on their way up. When Spark uses no intermediate level (up to 5 workers at depth 2, any
 * number at depth 1) the sum is in worker order: the very operations of the threads of one
 * process. Whatever Spark does, the result is the same: a node is summed only from all its members.
 */
final class TreeSum implements Serializable {

    private static final long serialVersionUID = 1L;
    /** Nodes per level: {@code sizes[0]} workers, then Spark's intermediate levels; the root groups the last. */
    private final int[] sizes;
    /** Groups with members present, by {@link #key} of (level, group). */
    private final Map<Long, Group> open = new HashMap<>();
    private ShardPart total;

    /**
     * An empty sum over {@code workers} leaves, aggregated by Spark at {@code depth}.
     *
     * @throws IllegalArgumentException if either is below 1
     */
    TreeSum(int workers, int depth) {
        this.sizes = levels(workers, depth);
    }

    /**
     * The sizes of the levels of {@code RDD.treeAggregate} over {@code n} partitions at
     * {@code depth}: {@code n}, then each intermediate level's partition count (Spark 4.0's rule:
     * {@code scale = max(ceil(n^(1/depth)), 2)}; a level of {@code m / scale} partitions is added
     * while {@code m > scale + ceil(m / scale)}).
     */
    static int[] levels(int n, int depth) {
        if (n < 1 || depth < 1) {
            throw new IllegalArgumentException("a sum needs at least 1 worker and depth 1, got " + n + " and " + depth);
        }
        List<Integer> sizes = new ArrayList<>(List.of(n));
        int scale = Math.max((int) Math.ceil(Math.pow(n, 1.0 / depth)), 2);
        int m = n;
        while (m > scale + Math.ceil((double) m / scale)) {
            m /= scale;
            sizes.add(m);
        }
        return sizes.stream().mapToInt(Integer::intValue).toArray();
    }

    /** Adds worker {@code w}'s contribution (each worker exactly once). */
    TreeSum add(int w, ShardPart part) {
        if (w < 0 || w >= sizes[0]) {
            throw new IllegalArgumentException("worker " + w + " of " + sizes[0]);
        }
        offer(0, w, part);
        return this;
    }

    /** Adds everything {@code other} holds (a sum over other workers of the same tree). */
    TreeSum merge(TreeSum other) {
        if (!java.util.Arrays.equals(other.sizes, sizes)) {
            throw new IllegalArgumentException("sums over trees " + java.util.Arrays.toString(sizes) + " and "
                    + java.util.Arrays.toString(other.sizes));
        }
        if (other.total != null) {
            if (total != null) {
                throw new IllegalStateException("two totals of one sum");
            }
            total = other.total;
        }
        for (Map.Entry<Long, Group> e : other.open.entrySet()) {
            int level = (int) (e.getKey() >>> 32);
            int group = (int) (long) e.getKey();
            Group theirs = e.getValue();
            if (theirs.next > 0) {
                offerRange(level, group, theirs);
            }
            for (Map.Entry<Integer, ShardPart> m : theirs.waiting.entrySet()) {
                offerMember(level, group, m.getKey(), m.getValue());
            }
        }
        return this;
    }

    /**
     * The total once every worker has been added.
     *
     * @throws IllegalStateException when some worker's contribution is missing
     */
    ShardPart total() {
        if (total == null) {
            throw new IllegalStateException("the sum is incomplete: " + open.size() + " groups still wait for members;"
                    + " some worker's contribution is missing");
        }
        return total;
    }

    /** How many partial results this holds (1 for a finished group's sum on its way up). */
    int parts() {
        int n = total == null ? 0 : 1;
        for (Group g : open.values()) {
            n += (g.next > 0 ? 1 : 0) + g.waiting.size();
        }
        return n;
    }

    /** Node {@code index} of {@code level} (0: a worker) joins its group of the level above. */
    private void offer(int level, int index, ShardPart part) {
        int parent = level + 1;
        int groups = parent == sizes.length ? 1 : sizes[parent];
        offerMember(parent, index % groups, index / groups, part);
    }

    private void offerMember(int level, int group, int position, ShardPart part) {
        Group g = group(level, group);
        g.add(position, part);
        finishIfComplete(level, group, g);
    }

    /** A partial group's summed members {@code 0..next-1} join this sum's group. */
    private void offerRange(int level, int group, Group theirs) {
        Group g = group(level, group);
        g.addPrefix(theirs.next, theirs.sum);
        finishIfComplete(level, group, g);
    }

    private Group group(int level, int group) {
        int below = sizes[level - 1];
        int groups = level == sizes.length ? 1 : sizes[level];
        int size = (below - group + groups - 1) / groups;
        return open.computeIfAbsent(key(level, group), k -> new Group(size));
    }

    private void finishIfComplete(int level, int group, Group g) {
        if (g.next < g.size) {
            return;
        }
        open.remove(key(level, group));
        if (level == sizes.length) {
            total = g.sum;
        } else {
            offer(level, group, g.sum);
        }
    }

    private static long key(int level, int group) {
        return ((long) level << 32) | (group & 0xFFFFFFFFL);
    }

    /** One group: the sum of its members {@code 0..next-1}, and members that came early. */
    private static final class Group implements Serializable {
        private static final long serialVersionUID = 1L;
        final int size;
        int next;
        ShardPart sum;
        final TreeMap<Integer, ShardPart> waiting = new TreeMap<>();

        Group(int size) {
            this.size = size;
        }

        void add(int position, ShardPart part) {
            if (position >= size) {
                throw new IllegalStateException("member " + position + " of a group of " + size);
            }
            if (position < next || waiting.containsKey(position)) {
                throw new IllegalStateException("member " + position + " of a group of " + size + " arrived twice");
            }
            waiting.put(position, part);
            drain();
        }

        void addPrefix(int count, ShardPart prefixSum) {
            if (next > 0 || (!waiting.isEmpty() && waiting.firstKey() < count)) {
                throw new IllegalStateException("members 0.." + (count - 1) + " of a group arrived twice");
            }
            next = count;
            sum = prefixSum;
            drain();
        }

        private void drain() {
            while (!waiting.isEmpty() && waiting.firstKey() == next) {
                ShardPart p = waiting.pollFirstEntry().getValue();
                sum = sum == null ? p : sum.plus(p);
                next++;
            }
        }
    }
}
