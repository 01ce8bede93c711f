package org.mdlm.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class RowLookupTest {

    private static final float[][] TABLE = {{0f, 1f}, {10f, 11f}, {20f, 21f}, {30f, 31f}};
    private static final int[][] IDS = {{2, 0, 2}, {3, 3, 1}};

    @Test
    void gatherPicksTheRowOfEveryId() {
        RowLookup lookup = new RowLookup("rows", "table", "ids");
        INDArray rows = lookup.gather(Nd4j.createFromArray(TABLE), Nd4j.createFromArray(IDS));
        assertArrayEquals(new long[] {2, 3, 2}, rows.shape());
        for (int b = 0; b < 2; b++) {
            for (int l = 0; l < 3; l++) {
                for (int h = 0; h < 2; h++) {
                    assertEquals(TABLE[IDS[b][l]][h], rows.getFloat(b, l, h), 0f, "rows[" + b + "," + l + "," + h + "]");
                }
            }
        }
    }

    @Test
    void scatterSumsThePositionGradientsOfEachIdAndLeavesOtherRowsZero() {
        RowLookup lookup = new RowLookup("rows", "table", "ids");
        // gradient at position (b, l), feature h: 100 b + 10 l + h
        float[][][] g = new float[2][3][2];
        for (int b = 0; b < 2; b++) {
            for (int l = 0; l < 3; l++) {
                for (int h = 0; h < 2; h++) {
                    g[b][l][h] = 100 * b + 10 * l + h;
                }
            }
        }
        INDArray table = lookup.scatter(Nd4j.createFromArray(g), Nd4j.createFromArray(IDS), 5);
        assertArrayEquals(new long[] {5, 2}, table.shape());
        // id 0: (0,1); id 1: (1,2); id 2: (0,0)+(0,2); id 3: (1,0)+(1,1); id 4: none
        float[][] expected = {{10, 11}, {120, 121}, {20, 22}, {210, 212}, {0, 0}};
        for (int v = 0; v < 5; v++) {
            for (int h = 0; h < 2; h++) {
                assertEquals(expected[v][h], table.getFloat(v, h), 0f, "table gradient[" + v + "," + h + "]");
            }
        }
    }

    @Test
    void idsOutsideTheTableAreRejectedNamingTheLookup() {
        RowLookup lookup = new RowLookup("vocab_embed.rows", "table", "ids");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> lookup.gather(Nd4j.createFromArray(TABLE), Nd4j.createFromArray(new int[][] {{0, 4}})));
        assertTrue(e.getMessage().contains("vocab_embed.rows") && e.getMessage().contains("0..3"), e.getMessage());
    }

    @Test
    void placeholderFeedsFillTheLookupFromTheTablesCurrentValues() {
        SameDiff sd = SameDiff.create();
        SDVariable ids = sd.placeHolder("ids", DataType.INT32, -1, -1);
        SDVariable table = sd.var("table", Nd4j.createFromArray(TABLE));
        PlaceholderFeeds feeds = new PlaceholderFeeds(sd);
        SDVariable rows = feeds.rows("rows", table, ids);
        assertArrayEquals(new long[] {-1, -1, 2}, rows.getShape());
        Map<String, INDArray> ph = new HashMap<>();
        ph.put("ids", Nd4j.createFromArray(IDS));
        sd.getArrForVarName("table").muli(2);
        feeds.fill(ph, 2, 3, new SplittableRandom(1));
        assertEquals(2 * TABLE[3][1], ph.get("rows").getFloat(1, 0, 1), 0f, "filled from the table as it is now");
        assertThrows(IllegalStateException.class, () -> feeds.fill(new HashMap<>(), 2, 3, new SplittableRandom(1)),
                "the ids must be fed first");
        assertThrows(IllegalArgumentException.class, () -> feeds.rows("rows", table, ids), "names are unique");
    }
}
