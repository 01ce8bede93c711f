package org.mdlm.engine;

import java.nio.FloatBuffer;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * One row lookup declared with {@link GraphFeeds#rows}: placeholder {@code placeholder} [B, L, H]
 * holds {@code table[ids]}. {@link #gather} computes the feed; {@link #scatter} turns the gradient
 * of the placeholder into the gradient of the table.
 *
 * @param placeholder name of the placeholder [B, L, H]
 * @param table name of the table variable [V, H]
 * @param ids name of the integer ids placeholder [B, L]
 */
public record RowLookup(String placeholder, String table, String ids) {

    /** The rows {@code table[ids]}, shape [B, L, H], in the table's data type. */
    public INDArray gather(INDArray table, INDArray ids) {
        int[] flat = indices(ids, table.size(0));
        long h = table.size(1);
        if (flat.length == 0) {
            return Nd4j.create(table.dataType(), ids.size(0), ids.size(1), h);
        }
        INDArray rows = Nd4j.pullRows(table, 1, flat);
        return rows.reshape('c', ids.size(0), ids.size(1), h);
    }

    /**
     * The table's gradient [V, H] from the placeholder's gradient [B, L, H]: row {@code ids[b, l]}
     * of the result sums {@code rowsGradient[b, l]} over every position with that id; rows of ids
     * that do not occur are 0. The sums run in position order, in double.
     */
    public INDArray scatter(INDArray rowsGradient, INDArray ids, long vocab) {
        int[] flat = indices(ids, vocab);
        int h = Math.toIntExact(rowsGradient.size(rowsGradient.rank() - 1));
        int v = Math.toIntExact(vocab);
        // Sums are kept for the distinct ids only (a batch touches a few thousand of 50k rows).
        int[] slotOfRow = new int[v];
        java.util.Arrays.fill(slotOfRow, -1);
        int[] rowOfSlot = new int[Math.min(v, flat.length)];
        int distinct = 0;
        for (int id : flat) {
            if (slotOfRow[id] < 0) {
                slotOfRow[id] = distinct;
                rowOfSlot[distinct++] = id;
            }
        }
        double[] sums = new double[distinct * h];
        INDArray g = rowsGradient.dataType() == DataType.FLOAT ? rowsGradient : rowsGradient.castTo(DataType.FLOAT);
        g = g.isView() || g.ordering() != 'c' ? g.dup('c') : g;
        FloatBuffer values = g.data().asNioFloat();
        for (int n = 0; n < flat.length; n++) {
            int base = slotOfRow[flat[n]] * h;
            int from = n * h;
            for (int j = 0; j < h; j++) {
                sums[base + j] += values.get(from + j);
            }
        }
        INDArray out = Nd4j.zeros(DataType.FLOAT, vocab, h);
        FloatBuffer dst = out.data().asNioFloat();
        for (int s = 0; s < distinct; s++) {
            int at = rowOfSlot[s] * h;
            for (int j = 0; j < h; j++) {
                dst.put(at + j, (float) sums[s * h + j]);
            }
        }
        return rowsGradient.dataType() == DataType.FLOAT ? out : out.castTo(rowsGradient.dataType());
    }

    /** Which rows of a table of {@code vocab} rows the ids [B, L] look up. */
    public boolean[] touchedRows(INDArray ids, long vocab) {
        boolean[] touched = new boolean[Math.toIntExact(vocab)];
        for (int id : indices(ids, vocab)) {
            touched[id] = true;
        }
        return touched;
    }

    private int[] indices(INDArray ids, long vocab) {
        if (ids.rank() != 2) {
            throw new IllegalArgumentException("ids of lookup '" + placeholder + "' must be [B, L], got rank " + ids.rank());
        }
        int[] flat = ids.castTo(DataType.INT32).reshape(-1).toIntVector();
        for (int id : flat) {
            if (id < 0 || id >= vocab) {
                throw new IllegalArgumentException("id " + id + " is outside the table of lookup '" + placeholder
                        + "' (0.." + (vocab - 1) + ")");
            }
        }
        return flat;
    }
}
