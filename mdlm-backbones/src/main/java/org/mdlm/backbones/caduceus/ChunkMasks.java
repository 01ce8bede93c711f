package org.mdlm.backbones.caduceus;

import org.mdlm.api.model.GraphFeeds;
import org.nd4j.autodiff.samediff.SDIndex;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The two [C, C] matrices over the C = L / K chunks of a sequence that the chunked scan uses,
 * declared once per graph as feeds computed from the sequence length (so one graph serves any
 * length that is a multiple of K, and a length that is not is refused with a message):
 * {@value #PREFIX} with 1 where {@code row <= column} (a product with it takes inclusive prefix sums
 * over chunks) and {@value #BEFORE} with 1 where {@code column < row} (which chunks come before which).
 */
final class ChunkMasks {

    /** Name of the prefix-sum matrix placeholder. */
    static final String PREFIX = "caduceus.scan.prefix";
    /** Name of the strictly-earlier mask placeholder. */
    static final String BEFORE = "caduceus.scan.before";

    private final SDVariable prefix;
    private final SDVariable before;
    private final SDVariable count;

    private ChunkMasks(SDVariable prefix, SDVariable before) {
        this.prefix = prefix;
        this.before = before;
        this.count = prefix.getSameDiff().shape(prefix).castTo(DataType.LONG).get(SDIndex.interval(0, 1));
    }

    /** Declares both placeholders in {@code feeds} for chunks of {@code chunk} positions. */
    static ChunkMasks declare(GraphFeeds feeds, int chunk, DataType type) {
        SDVariable prefix = feeds.placeholder(PREFIX, type, 2,
                (batch, length, rng) -> prefix(chunks(length, chunk), type));
        SDVariable before = feeds.placeholder(BEFORE, type, 2,
                (batch, length, rng) -> before(chunks(length, chunk), type));
        return new ChunkMasks(prefix, before);
    }

    /**
     * Number of chunks of a sequence of {@code length} positions.
     *
     * @throws IllegalArgumentException if {@code length} is not a positive multiple of {@code chunk}
     */
    static int chunks(int length, int chunk) {
        if (length <= 0 || length % chunk != 0) {
            throw new IllegalArgumentException("caduceus: the sequence length " + length + " is not a multiple of "
                    + "model.scan_chunk=" + chunk + "; use a length that is (train.seq_len, sample.length), or set "
                    + "model.scan_chunk to a divisor of it");
        }
        return length / chunk;
    }

    /** U [c, c] with U[i, j] = 1 where i <= j: {@code s U} sums s over chunks 0..j. */
    static INDArray prefix(int c, DataType type) {
        double[][] m = new double[c][c];
        for (int i = 0; i < c; i++) {
            for (int j = i; j < c; j++) {
                m[i][j] = 1.0;
            }
        }
        return Nd4j.createFromArray(m).castTo(type);
    }

    /** M [c, c] with M[i, j] = 1 where j < i: chunk j comes before chunk i. */
    static INDArray before(int c, DataType type) {
        double[][] m = new double[c][c];
        for (int i = 0; i < c; i++) {
            for (int j = 0; j < i; j++) {
                m[i][j] = 1.0;
            }
        }
        return Nd4j.createFromArray(m).castTo(type);
    }

    /** The prefix-sum matrix [C, C]. */
    SDVariable prefix() {
        return prefix;
    }

    /** The strictly-earlier mask [C, C]. */
    SDVariable before() {
        return before;
    }

    /** The runtime chunk count C as a one-element INT64 vector. */
    SDVariable count() {
        return count;
    }
}
