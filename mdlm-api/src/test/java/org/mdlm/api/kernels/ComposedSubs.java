package org.mdlm.api.kernels;

import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.controlflow.compat.StopGradient;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The SUBS expressions the token-loss kernels replace, rebuilt from plain SameDiff ops as
 * mdlm-process writes them (mask logit plus the stand-in for minus infinity, log-softmax written out
 * with the row maximum shifted out and no gradient through it, one-hot selection, masks as constants):
 * the reference side of the kernel tests.
 */
final class ComposedSubs {

    private ComposedSubs() {
    }

    /** 1 where {@code ids[b, l] == v} ([B, L, V]), as a float constant. */
    static INDArray oneHot(int[][] ids, int vocab) {
        int b = ids.length;
        int l = ids[0].length;
        INDArray out = Nd4j.zeros(DataType.FLOAT, b, l, vocab);
        for (int i = 0; i < b; i++) {
            for (int j = 0; j < l; j++) {
                if (ids[i][j] >= 0 && ids[i][j] < vocab) {
                    out.putScalar(new long[] {i, j, ids[i][j]}, 1f);
                }
            }
        }
        return out;
    }

    /** 1 where {@code ids[b, l] == id} ([B, L]), as floats. */
    static INDArray is(int[][] ids, int id) {
        INDArray out = Nd4j.zeros(DataType.FLOAT, ids.length, ids[0].length);
        for (int i = 0; i < ids.length; i++) {
            for (int j = 0; j < ids[0].length; j++) {
                out.putScalar(i, j, ids[i][j] == id ? 1f : 0f);
            }
        }
        return out;
    }

    /** The log-softmax of the logits with {@code negInf} added to the mask column, [B, L, V]. */
    static SDVariable normalized(SameDiff sd, SDVariable logits, int mask, double negInf) {
        long[] s = logits.getShape();
        INDArray maskColumn = Nd4j.zeros(DataType.FLOAT, s);
        maskColumn.get(org.nd4j.linalg.indexing.NDArrayIndex.all(), org.nd4j.linalg.indexing.NDArrayIndex.all(),
                org.nd4j.linalg.indexing.NDArrayIndex.point(mask)).assign(1);
        SDVariable z = logits.add(sd.constant(maskColumn).mul(negInf));
        SDVariable rowMax = new StopGradient(sd, sd.max(z, false, 2)).outputVariable();
        SDVariable shifted = z.sub(sd.expandDims(rowMax, 2));
        SDVariable lse = sd.math.log(sd.sum(sd.math.exp(shifted), true, 2));
        return shifted.sub(lse);
    }

    /** {@code -log p(x0) * weight} at masked rows, 0 elsewhere ([B, L]). */
    static SDVariable tokenLoss(SameDiff sd, SDVariable logits, int[][] x0, int[][] xt, SDVariable weight, int mask,
                                double negInf) {
        int vocab = (int) logits.getShape()[2];
        SDVariable logp = normalized(sd, logits, mask, negInf);
        SDVariable nll = sd.sum(logp.mul(sd.constant(oneHot(x0, vocab))), false, 2).neg();
        return nll.mul(sd.constant(is(xt, mask))).mul(sd.expandDims(weight, 1));
    }

    /** log p(x0 | xt) with carry-over: the normalized log-softmax at masked rows, one-hot log elsewhere. */
    static SDVariable logProbs(SameDiff sd, SDVariable logits, int[][] xt, int mask, double negInf) {
        long[] s = logits.getShape();
        SDVariable logp = normalized(sd, logits, mask, negInf);
        INDArray rows = is(xt, mask);
        INDArray maskedRows = Nd4j.createUninitialized(DataType.FLOAT, s);
        for (int v = 0; v < s[2]; v++) {
            maskedRows.get(org.nd4j.linalg.indexing.NDArrayIndex.all(), org.nd4j.linalg.indexing.NDArrayIndex.all(),
                    org.nd4j.linalg.indexing.NDArrayIndex.point(v)).assign(rows);
        }
        SDVariable m = sd.constant(maskedRows);
        SDVariable carried = sd.constant(oneHot(xt, (int) s[2])).rsub(1.0).mul(negInf);
        return logp.mul(m).add(carried.mul(m.rsub(1.0)));
    }

    /** An int32 [B, L] array of {@code ids}. */
    static INDArray ints(int[][] ids) {
        return Nd4j.createFromArray(ids).castTo(DataType.INT32);
    }
}
