package org.mdlm.spark;

import java.io.Serializable;

/**
 * A shard's contribution to a step (the engine's {@code ShardContribution}) as it travels from an
 * executor: its loss and gradients already weighted by its share of the batch's counted tokens, the
 * gradients flat in the run's {@link ParameterLayout}. Also a sum of such contributions.
 *
 * @param weightedLoss the loss times the share (a sum of them for a sum)
 * @param counted counted tokens
 * @param gradients weighted gradients, flat; null when {@code counted} is 0 (nothing to add)
 */
record ShardPart(double weightedLoss, double counted, float[] gradients) implements Serializable {

    /** Nothing: a shard without rows or counted tokens. */
    static final ShardPart EMPTY = new ShardPart(0.0, 0.0, null);

    /** True when it adds nothing. */
    boolean isEmpty() {
        return gradients == null;
    }

    /**
     * {@code this + right}, this one's terms first: an empty side gives the other unchanged (as the
     * threads of a process skip a shard without counted tokens); otherwise the floats are added
     * pairwise, into this part's array.
     */
    ShardPart plus(ShardPart right) {
        if (right.isEmpty()) {
            return this;
        }
        if (isEmpty()) {
            return right;
        }
        float[] g = gradients;
        float[] r = right.gradients;
        if (g.length != r.length) {
            throw new IllegalStateException("gradients of " + g.length + " and " + r.length + " floats cannot be added");
        }
        for (int i = 0; i < g.length; i++) {
            g[i] += r[i];
        }
        return new ShardPart(weightedLoss + right.weightedLoss, counted + right.counted, g);
    }
}
