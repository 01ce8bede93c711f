package org.mdlm.process.param;

import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.ops.impl.controlflow.compat.StopGradient;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Builds float indicator masks along the vocabulary (last) axis without {@code gather}, whose
 * gradient is broken in SameDiff M2.1. Token ids are compared, by broadcasting, with the column ids
 * {@code 0..V-1}: a constant when the vocabulary size is known when the graph is built, otherwise a
 * {@code range} over the runtime size of the last axis.
 */
final class VocabIndicators {

    private VocabIndicators() {
    }

    /** The column ids 0..V-1 (INT32, [V]) of the last axis of {@code like} [B, L, V]. */
    static SDVariable columns(SameDiff sd, SDVariable like) {
        long[] shape = like.getShape();
        if (shape != null && shape.length > 0 && shape[shape.length - 1] > 0) {
            int v = Math.toIntExact(shape[shape.length - 1]);
            return sd.constant(Nd4j.arange(0, v).castTo(DataType.INT32));
        }
        SDVariable size = sd.sizeAt(like, SubsParameterization.VOCAB_AXIS).castTo(DataType.INT32);
        return sd.range(sd.constant(0), size, sd.constant(1), DataType.INT32);
    }

    /** 1 where the column id equals {@code id}, else 0: shape [V], type {@code dtype}. */
    static SDVariable column(SDVariable columns, int id, DataType dtype) {
        return columns.eq(id).castTo(dtype);
    }

    /** One-hot of integer ids [B, L] along a new last axis [B, L, V], type {@code dtype}. */
    static SDVariable oneHot(SameDiff sd, SDVariable ids, SDVariable columns, DataType dtype) {
        SDVariable idsInt = ids.dataType() == DataType.INT32 ? ids : ids.castTo(DataType.INT32);
        return sd.eq(sd.expandDims(idsInt, SubsParameterization.VOCAB_AXIS), columns).castTo(dtype);
    }

    /** 1 where {@code ids == id}, else 0, same shape as ids, type {@code dtype}. */
    static SDVariable isToken(SDVariable ids, int id, DataType dtype) {
        return ids.eq(id).castTo(dtype);
    }

    /** {@code rows} [B, L] repeated along a new last axis to [B, L, V] (a forward broadcast; no gradient is taken through it). */
    static SDVariable alongVocab(SameDiff sd, SDVariable rows, SDVariable columns, DataType dtype) {
        SDVariable zeros = columns.castTo(dtype).mul(0.0);
        return sd.expandDims(rows, SubsParameterization.VOCAB_AXIS).add(zeros);
    }

    /** {@code column} [V] repeated over the rows of {@code like} [B, L] to [B, L, V] (a forward broadcast). */
    static SDVariable alongRows(SameDiff sd, SDVariable column, SDVariable like) {
        SDVariable zeros = sd.expandDims(like.mul(0.0), SubsParameterization.VOCAB_AXIS);
        return zeros.add(column);
    }

    /**
     * The log-softmax of {@code z} [B, L, V] over the vocabulary, written out as
     * {@code z - max - log(sum(exp(z - max)))}. The shift by the row maximum only keeps exp() in
     * range; it cancels in the result, so no gradient is taken through it (this also avoids libnd4j's
     * slow max backward). The native {@code log_softmax} is slower here and returns -inf for a column
     * at the stand-in for minus infinity.
     */
    static SDVariable logSoftmax(SameDiff sd, SDVariable z, SDVariable columns) {
        SDVariable rowMax = alongVocab(sd,
                new StopGradient(sd, sd.max(z, false, SubsParameterization.VOCAB_AXIS)).outputVariable(), columns,
                z.dataType());
        SDVariable shifted = z.sub(rowMax);
        SDVariable logSumExp = sd.math.log(sd.sum(sd.math.exp(shifted), true, SubsParameterization.VOCAB_AXIS));
        return shifted.sub(logSumExp);
    }

    /**
     * log(sum(exp(z))) over the vocabulary, [B, L], shifted by the row maximum (no gradient through the
     * shift, which cancels) so that exp() stays in range.
     */
    static SDVariable logSumExp(SameDiff sd, SDVariable z, SDVariable columns) {
        SDVariable rowMax = new StopGradient(sd, sd.max(z, false, SubsParameterization.VOCAB_AXIS)).outputVariable();
        SDVariable shifted = z.sub(alongVocab(sd, rowMax, columns, z.dataType()));
        return sd.math.log(sd.sum(sd.math.exp(shifted), false, SubsParameterization.VOCAB_AXIS)).add(rowMax);
    }
}
