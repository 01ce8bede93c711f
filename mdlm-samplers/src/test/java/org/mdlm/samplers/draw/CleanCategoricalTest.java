package org.mdlm.samplers.draw;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class CleanCategoricalTest {

    private static final float NEG_INF = Float.NEGATIVE_INFINITY;

    private static float ln(double p) {
        return (float) Math.log(p);
    }

    @Test
    void inverseCdfWalksCleanTokensInIdOrderSkippingTheMask() {
        // ids: 0 -> 0.25, 1 = mask, 2 -> 0.25, 3 -> 0.5; cumulative 0.25, 0.5, 1.0
        float[] row = {9f, ln(0.25), NEG_INF, ln(0.25), ln(0.5)}; // leading value: offset 1
        assertEquals(0, CleanCategorical.inverseCdf(row, 1, 4, 1, 0.0));
        assertEquals(0, CleanCategorical.inverseCdf(row, 1, 4, 1, 0.2));
        assertEquals(2, CleanCategorical.inverseCdf(row, 1, 4, 1, 0.3));
        assertEquals(2, CleanCategorical.inverseCdf(row, 1, 4, 1, 0.49));
        assertEquals(3, CleanCategorical.inverseCdf(row, 1, 4, 1, 0.51));
        assertEquals(3, CleanCategorical.inverseCdf(row, 1, 4, 1, 0.999999));
    }

    @Test
    void massOnTheMaskColumnIsIgnoredAndTheCleanPartRenormalised() {
        // mask (id 1) holds 0.5; clean part 0.125, 0.125, 0.25 renormalises to 0.25, 0.25, 0.5
        float[] row = {ln(0.125), ln(0.5), ln(0.125), ln(0.25)};
        assertEquals(0, CleanCategorical.inverseCdf(row, 0, 4, 1, 0.2));
        assertEquals(2, CleanCategorical.inverseCdf(row, 0, 4, 1, 0.3));
        assertEquals(3, CleanCategorical.inverseCdf(row, 0, 4, 1, 0.6));
        assertEquals(0, CleanCategorical.argmax(new float[] {ln(0.3), ln(0.6), ln(0.1)}, 0, 3, 1));
    }

    @Test
    void unnormalisedLogitsGiveTheSameDraws() {
        float[] row = {ln(0.25) + 50f, NEG_INF, ln(0.25) + 50f, ln(0.5) + 50f};
        assertEquals(0, CleanCategorical.inverseCdf(row, 0, 4, 1, 0.2));
        assertEquals(2, CleanCategorical.inverseCdf(row, 0, 4, 1, 0.3));
        assertEquals(3, CleanCategorical.inverseCdf(row, 0, 4, 1, 0.6));
    }

    @Test
    void tokensWithoutMassAreNeverDrawn() {
        float[] row = {NEG_INF, 0f, NEG_INF, NEG_INF};
        for (double w : new double[] {0.0, 0.5, 0.9999999}) {
            assertEquals(1, CleanCategorical.inverseCdf(row, 0, 4, 3, w));
        }
    }

    @Test
    void argmaxTakesTheLowestIdOnTies() {
        assertEquals(1, CleanCategorical.argmax(new float[] {-2f, -1f, -1f, 0f}, 0, 4, 3));
    }

    @Test
    void rowsWithoutUsableCleanMassFail() {
        float[] allMask = {NEG_INF, 0f, NEG_INF};
        assertThrows(IllegalStateException.class, () -> CleanCategorical.inverseCdf(allMask, 0, 3, 1, 0.5));
        assertThrows(IllegalStateException.class, () -> CleanCategorical.argmax(allMask, 0, 3, 1));
        float[] nan = {Float.NaN, 0f, -1f};
        assertThrows(IllegalStateException.class, () -> CleanCategorical.inverseCdf(nan, 0, 3, 1, 0.5));
    }
}
