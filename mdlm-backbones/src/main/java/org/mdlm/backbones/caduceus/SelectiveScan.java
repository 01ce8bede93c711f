package org.mdlm.backbones.caduceus;

import org.nd4j.autodiff.samediff.SDIndex;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Mamba's selective scan as SameDiff ops, per direction g, sequence, channel e and state n:
 * <pre>
 *   h_t = exp(Δ_t[e] A[e,n]) h_{t-1} + Δ_t[e] B_t[n] x_t[e],   h_{-1} = 0
 *   y_t[e] = Σ_n C_t[n] h_t[e,n]
 * </pre>
 * (the skip term D x and the gate are the mixer's).
 *
 * <p><b>Formulation: chunked, sequential inside chunks of K static positions, a masked matrix
 * product across chunks.</b> The sequence is cut into C = L / K chunks, all handled at once:
 * <ol>
 *   <li>inside every chunk, the recurrence runs for its K positions from a zero state (K steps of
 *       one multiply and one add on [chunks, E·N] slices), giving each chunk's own end state;</li>
 *   <li>the state entering chunk c is Σ_{c' < c} exp(S_{c-1} - S_{c'}) ⊙ end_{c'}, S being the
 *       inclusive prefix sums over chunks of the chunks' total log decays; the [C, C] weights per
 *       (sequence, e, n) are masked to c' < c, multiplied with the end states and summed over c';</li>
 *   <li>the recurrence runs again inside every chunk, now from its entering state, and is read out
 *       with C_t by a batched matrix-vector product per chunk position.</li>
 * </ol>
 * <p>Why: a scan of L sequential steps would put ~4L ops per layer in the graph, and L is dynamic
 * (one graph serves every length); the decay of Mamba-1 differs per (e, n), so the masked
 * [K, K] matrix inside a chunk that works for scalar decays (Mamba-2's SSD) would hold K·E·N values
 * per position, K times the state. Sequential steps inside chunks cost O(K) ops of O(L·E·N / K)
 * values, and the cross-chunk weights hold C²·E·N values per sequence, L/K² times the L·E·N state
 * (a quarter of it at L = 1024, K = 64). M2.1's cumsum has a wrong gradient, so prefix sums over
 * chunks are products with fed triangular matrices.
 *
 * <p><b>Numerical safety.</b> Every exponential taken has a non-positive argument: the per-step
 * decays exp(Δ A) with Δ >= 0 (a softplus) and A < 0, and the cross-chunk weights
 * exp(S_{c-1} - S_{c'}) for c' < c, a sum of log decays; entries with c' >= c are zeroed in the
 * exponent before exp and again after it, so no exp of a positive number (which could overflow to
 * infinity and make 0 · inf = NaN) is ever formed. Products of decays only shrink towards zero,
 * which is the exact limit. In float, the difference of two prefix sums loses ~6e-8 |S| absolutely
 * in the exponent; it matters only for weights that are already ~exp(-|S|).
 */
final class SelectiveScan {

    private final SameDiff sd;
    private final int directions;
    private final int inner;
    private final int state;
    private final int chunk;
    private final ChunkMasks masks;
    private final DataType type;

    /**
     * @param directions G, the leading axis of every input
     * @param inner E, channels
     * @param state N, state size per channel
     * @param chunk K, positions per chunk (every length must be a multiple)
     * @param masks the chunk matrices fed for each call
     * @param type floating-point type
     */
    SelectiveScan(SameDiff sd, int directions, int inner, int state, int chunk, ChunkMasks masks, DataType type) {
        this.sd = sd;
        this.directions = directions;
        this.inner = inner;
        this.state = state;
        this.chunk = chunk;
        this.masks = masks;
        this.type = type;
    }

    /**
     * The scan's outputs y [G, M, E] for M = S·L positions (S sequences of L positions, row-major).
     *
     * @param delta Δ [G, M, E], non-negative time steps
     * @param a A [G, E, N], negative
     * @param x inputs [G, M, E]
     * @param b B [G, M, N]
     * @param c C [G, M, N]
     */
    SDVariable apply(SDVariable delta, SDVariable a, SDVariable x, SDVariable b, SDVariable c) {
        int g = directions;
        int e = inner;
        int n = state;
        int k = chunk;
        int j = e * n;
        // log decays Δ_t[e] A[e,n]: per (g, e) one outer product over (positions, states), as a batched
        // product of G·E large matrices, then moved to [G, M, E, N]
        SDVariable byChannel = sd.mmul(sd.reshape(sd.permute(delta, 0, 2, 1), g * e, -1, 1), sd.reshape(a, g * e, 1, n));
        SDVariable logDecay = sd.reshape(sd.permute(sd.reshape(byChannel, g, e, -1, n), 0, 2, 1, 3), -1, k, e, n);
        // inputs Δ_t x_t[e] B_t[n]: both factors repeated to [G·M, E, N] by outer products with ones and
        // multiplied (a batched product per position, or a broadcast multiply, is ~10x slower in libnd4j)
        SDVariable drive = sd.reshape(sd.mmul(sd.reshape(delta.mul(x), -1, 1), sd.constant(Nd4j.ones(type, 1, n))),
                -1, k, e, n).mul(sd.reshape(overChannels(b), -1, k, e, n));
        // per position in the chunk: [R, E, N] slices (R = G·S·C), and C_t as [R, N, 1] columns
        SDVariable[] decay = sd.unstack(sd.math.exp(logDecay), 1, k);
        SDVariable[] input = sd.unstack(drive, 1, k);
        SDVariable[] readout = sd.unstack(sd.reshape(c, -1, k, n, 1), 1, k);

        SDVariable end = input[0];
        for (int i = 1; i < k; i++) {
            end = decay[i].mul(end).add(input[i]);
        }
        SDVariable h = entering(logDecay.sum(1), end);
        SDVariable[] ys = new SDVariable[k];
        for (int i = 0; i < k; i++) {
            h = decay[i].mul(h).add(input[i]);
            ys[i] = sd.mmul(h, readout[i]);                                          // Σ_n C[n] h[e,n]: [R, E, 1]
        }
        SDVariable y = k == 1 ? ys[0] : sd.concat(2, ys);                            // [R, E, K]
        return sd.reshape(sd.permute(y, 0, 2, 1), g, -1, e);
    }

    /** v [G, M, N] repeated over the E channels: [G·M, E, N] (one outer product, one transpose). */
    private SDVariable overChannels(SDVariable v) {
        SDVariable repeated = sd.mmul(sd.constant(Nd4j.ones(type, inner, 1)), sd.reshape(v, 1, -1)); // [E, G·M·N]
        return sd.permute(sd.reshape(repeated, inner, -1, state), 1, 0, 2);
    }

    /**
     * The state entering each chunk, [R, E, N], from the chunks' total log decays and their end
     * states from zero (both [R, E, N]).
     */
    private SDVariable entering(SDVariable logDecayTotal, SDVariable end) {
        SDVariable sums = byColumn(logDecayTotal);                                   // [Q, C], Q = G·S·E·N
        SDVariable through = sd.mmul(sums, masks.prefix());                          // S_c: sums over chunks 0..c
        // S_{c-1} as its own product with the strictly-earlier mask (transposed), not S_c - s_c: the
        // subtraction would round differently when a later chunk changes, and a causal model must
        // not see later chunks even in its last bit
        SDVariable upTo = sd.mmul(sums, masks.before(), false, true, false);
        SDVariable exponent = alongColumns(upTo).sub(alongRows(through));           // [q, c, c'] = S_{c-1} - S_{c'}
        SDVariable perColumn = sd.fill(sd.concat(0, shape(sums).get(SDIndex.interval(0, 1)),
                sd.constant(Nd4j.createFromArray(1L))), type, 1.0);                  // ones [Q, 1]
        SDVariable mask = sd.reshape(sd.mmul(perColumn, sd.reshape(masks.before(), 1, -1)), shape(exponent));
        SDVariable weights = sd.math.exp(exponent.mul(mask)).mul(mask);              // [Q, C, C]
        SDVariable carried = weights.mul(alongRows(byColumn(end))).sum(2);           // [Q, C]
        SDVariable grouped = sd.reshape(carried, sd.concat(0, minusOne(), constant(inner * state), masks.count()));
        return sd.reshape(sd.permute(grouped, 0, 2, 1), -1, inner, state);
    }

    /** v [Q, C] to [Q, C, C] with [q, c, c'] = v[q, c]. */
    private SDVariable alongColumns(SDVariable v) {
        return sd.reshape(sd.mmul(sd.reshape(v, -1, 1), onesRow()), sd.concat(0, minusOne(), masks.count(),
                masks.count()));
    }

    /** v [Q, C] to [Q, C, C] with [q, c, c'] = v[q, c']. */
    private SDVariable alongRows(SDVariable v) {
        return sd.permute(alongColumns(v), 0, 2, 1);
    }

    /** Ones [1, C]. */
    private SDVariable onesRow() {
        return sd.fill(sd.concat(0, constant(1), masks.count()), type, 1.0);
    }

    /** [R, E, N] with R = (G·S)·C, to [Q, C] with Q = (G·S)·E·N: one row per state entry, one column per chunk. */
    private SDVariable byColumn(SDVariable v) {
        SDVariable grouped = sd.reshape(v, sd.concat(0, minusOne(), masks.count(), constant(inner * state)));
        return sd.reshape(sd.permute(grouped, 0, 2, 1), sd.concat(0, minusOne(), masks.count()));
    }

    private SDVariable shape(SDVariable v) {
        return sd.shape(v).castTo(DataType.LONG);
    }

    private SDVariable minusOne() {
        return constant(-1);
    }

    private SDVariable constant(long value) {
        return sd.constant(Nd4j.createFromArray(value));
    }
}
