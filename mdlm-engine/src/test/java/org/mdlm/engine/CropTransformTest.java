package org.mdlm.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.mdlm.api.domain.TokenStream;

/**
 * {@link TokenStream#transformCrop}: the engine calls it once per training crop, right after reading
 * it, with the generator that placed the crop; evaluation windows are never transformed; the default
 * draws nothing, so a plain stream's batches are those of uniform crops.
 */
class CropTransformTest {

    private static final int LEN = 16;
    private static final int ROWS = 64;

    /** Tokens 0..6 repeating; each crop is reversed with probability 1/2 (a stand-in for a reverse complement). */
    private static final class ReversingStream implements TokenStream {
        final ArrayTokenStream tokens = ArrayTokenStream.repeating(new int[] {0, 1, 2, 3, 4, 5, 6}, 1000);
        int calls;

        @Override
        public long length() {
            return tokens.length();
        }

        @Override
        public void read(long offset, int[] dst, int dstOffset, int len) {
            tokens.read(offset, dst, dstOffset, len);
        }

        @Override
        public void transformCrop(int[] crop, SplittableRandom rng) {
            calls++;
            if (rng.nextDouble() < 0.5) {
                reverse(crop);
            }
        }
    }

    private static void reverse(int[] a) {
        for (int i = 0, j = a.length - 1; i < j; i++, j--) {
            int t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
    }

    @Test
    void everyTrainingCropIsTransformedWithTheCropGenerator() {
        ReversingStream stream = new ReversingStream();
        int[][] crops = Batches.crops(Fixtures.spec(8), stream, ROWS, LEN, new SplittableRandom(11));
        assertEquals(ROWS, stream.calls, "one call per crop");
        SplittableRandom replay = new SplittableRandom(11);
        int reversed = 0;
        for (int b = 0; b < ROWS; b++) {
            long offset = replay.nextLong(stream.length() - LEN + 1);
            int[] expected = new int[LEN];
            stream.read(offset, expected, 0, LEN);
            if (replay.nextDouble() < 0.5) {
                reverse(expected);
                reversed++;
            }
            assertArrayEquals(expected, crops[b], "row " + b + ": offset, then read, then transform, in turn");
        }
        assertTrue(reversed > 16 && reversed < 48, "about half the rows were reversed: " + reversed);
    }

    @Test
    void theDefaultTransformDrawsNothing() {
        TokenStream plain = ArrayTokenStream.repeating(new int[] {0, 1, 2, 3, 4, 5, 6}, 1000);
        int[][] crops = Batches.crops(Fixtures.spec(8), plain, ROWS, LEN, new SplittableRandom(5));
        SplittableRandom replay = new SplittableRandom(5);
        for (int b = 0; b < ROWS; b++) {
            int[] expected = new int[LEN];
            plain.read(replay.nextLong(plain.length() - LEN + 1), expected, 0, LEN);
            assertArrayEquals(expected, crops[b], "row " + b + " is the uniform crop, untouched");
        }
    }

    @Test
    void evaluationWindowsAreNotTransformed() {
        ReversingStream stream = new ReversingStream();
        EvalRequest request = EvalRequest.sampled(LEN, 5, 2, 1e-3, 3L);
        NoisyBatch rows = Evaluator.rows(Fixtures.spec(8), stream, request, 5, 2);
        assertEquals(0, stream.calls);
        for (int w = 0; w < 5; w++) {
            int[] expected = new int[LEN];
            stream.read(request.windowOffset(stream.length(), w), expected, 0, LEN);
            assertArrayEquals(expected, rows.x0()[2 * w], "window " + w + " as read");
        }
    }
}
