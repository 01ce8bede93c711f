package org.mdlm.samplers.ancestral;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.mdlm.api.sampling.SampleRequest;
import org.mdlm.api.sampling.SampleResult;
import org.mdlm.samplers.draw.DrawShaping;

/**
 * The per-row cache of {@code ddpm_cache}: each call evaluates exactly the rows that changed since
 * their last evaluation, as one sub-batch in row order; tokens stay those of {@code ddpm}.
 *
 * <p>Rows are told apart in the denoiser's calls by a label: row b of a {@link #labelled} request
 * holds b in base 5 at its fixed positions 0 and 1. The expected rows of every evaluation point are
 * derived independently from the tokens {@code ddpm} (which calls on the whole batch every step) saw.
 */
class AncestralRowCacheTest {

    private static final int VOCAB = 6;
    private static final int MASK = 5;

    /** Row b: b / 5 and b % 5 at positions 0 and 1 (fixed), masks elsewhere. */
    private static SampleRequest labelled(int batch, int length, long seed) {
        int[][] initial = new int[batch][length];
        for (int b = 0; b < batch; b++) {
            Arrays.fill(initial[b], MASK);
            initial[b][0] = b / 5;
            initial[b][1] = b % 5;
        }
        return new SampleRequest(batch, length, seed, initial);
    }

    private static int label(int[] row) {
        return row[0] * 5 + row[1];
    }

    /** A run with the network-call count after every evaluation point (reverse steps, then noise removal). */
    private record Trace(SampleResult result, FakeDenoiser fake, int[] callsAfter) {

        /** The tokens of the input of every call, in order. */
        List<int[][]> inputs() {
            return fake.inputs;
        }

        int rowEvaluations() {
            return fake.inputs.stream().mapToInt(in -> in.length).sum();
        }
    }

    private static Trace trace(boolean cache, AncestralConfig config, FakeDenoiser fake, SampleRequest request) {
        int[] after = new int[config.steps() + 1];
        SampleResult r = new AncestralSampler(config, cache).sample(fake, request,
                (step, total, calls) -> after[step - 1] = calls);
        return new Trace(r, fake, after);
    }

    /** Rows of {@code now} that differ from {@code before}, in row order. */
    private static int[] changedRows(int[][] before, int[][] now) {
        return IntStream.range(0, now.length).filter(b -> !Arrays.equals(before[b], now[b])).toArray();
    }

    @Test
    void everyEvaluationPointCallsOnExactlyTheRowsChangedSinceTheirLastEvaluation() {
        AncestralConfig config = AncestralConfig.of(48, 1e-5);
        for (int batch : new int[] {4, 16}) {
            for (long seed = 1; seed <= 3; seed++) {
                String where = "batch " + batch + ", seed " + seed;
                SampleRequest request = labelled(batch, 10, seed);
                Trace plain = trace(false, config, FakeDenoiser.xtDependent(VOCAB, false), request);
                Trace cached = trace(true, config, FakeDenoiser.xtDependent(VOCAB, false), request);
                assertArrayEquals(plain.result().tokens(), cached.result().tokens(), where);
                // xs.get(k): the whole batch at evaluation point k (k = steps: noise removal), as ddpm saw it
                List<int[][]> xs = plain.inputs();
                assertEquals(config.steps() + 1, xs.size(), where);
                int[] evaluations = new int[batch];
                int[] changes = new int[batch];
                for (int k = 0; k <= config.steps(); k++) {
                    int[] expected = k == 0 ? IntStream.range(0, batch).toArray()
                            : changedRows(xs.get(k - 1), xs.get(k));
                    if (k > 0) {
                        for (int b : expected) {
                            changes[b]++;
                        }
                    }
                    int before = k == 0 ? 0 : cached.callsAfter()[k - 1];
                    int made = cached.callsAfter()[k] - before;
                    if (expected.length == 0) {
                        assertEquals(0, made, where + ": point " + k + " needs no call");
                        continue;
                    }
                    assertEquals(1, made, where + ": point " + k + " needs one call");
                    int[][] input = cached.inputs().get(before);
                    int[] rows = Arrays.stream(input).mapToInt(AncestralRowCacheTest::label).toArray();
                    assertArrayEquals(expected, rows, where + ": rows of the call at point " + k);
                    for (int i = 0; i < rows.length; i++) {
                        assertArrayEquals(xs.get(k)[rows[i]], input[i], where + ": tokens of row " + rows[i]);
                        evaluations[rows[i]]++;
                    }
                    double sigma = FakeDenoiser.SCHEDULE.sigma(config.time(k));
                    double[] sigmas = cached.fake().sigmas.get(before);
                    assertEquals(rows.length, sigmas.length, where);
                    for (double s : sigmas) {
                        assertEquals(sigma, s, 0.0, where + ": sigma at point " + k);
                    }
                }
                assertEquals(cached.fake().calls(), cached.result().networkCalls(), where);
                int total = 0;
                for (int b = 0; b < batch; b++) {
                    // the first evaluation, then one per reverse step that changed the row
                    assertEquals(1 + changes[b], evaluations[b], where + ": evaluations of row " + b);
                    assertTrue(changes[b] > 0, where + ": row " + b + " changed during the reverse steps");
                    total += evaluations[b];
                }
                assertEquals(total, cached.rowEvaluations(), where);
                assertTrue(total < batch * cached.result().networkCalls(),
                        where + ": some call was on a sub-batch: " + total + " rows in " + cached.result().networkCalls());
            }
        }
    }

    @Test
    void cachedTokensAreThoseOfDdpmForSeveralSeedsBatchSizesAndShapings() {
        AncestralConfig plainDraws = AncestralConfig.of(32, 1e-5);
        for (AncestralConfig config : new AncestralConfig[] {plainDraws, plainDraws.withShaping(0.7, 0.8)}) {
            for (int batch : new int[] {1, 4, 16}) {
                for (long seed = 1; seed <= 4; seed++) {
                    for (SampleRequest request : new SampleRequest[] {new SampleRequest(batch, 12, seed),
                        labelled(batch, 12, seed)}) {
                        String where = config + ", batch " + batch + ", seed " + seed
                                + (request.initial() == null ? "" : ", labelled");
                        Trace plain = trace(false, config, FakeDenoiser.xtDependent(VOCAB, false), request);
                        Trace cached = trace(true, config, FakeDenoiser.xtDependent(VOCAB, false), request);
                        assertArrayEquals(plain.result().tokens(), cached.result().tokens(), where);
                        assertEquals(config.steps() + 1, plain.result().networkCalls(), where);
                        assertEquals(cached.fake().calls(), cached.result().networkCalls(), where);
                        // with one row, some step changes nothing; with many, nearly every step changes some row
                        assertTrue(batch == 1 ? cached.result().networkCalls() < plain.result().networkCalls()
                                : cached.result().networkCalls() <= plain.result().networkCalls(), where);
                        assertTrue(cached.rowEvaluations() <= batch * cached.result().networkCalls(), where);
                    }
                }
            }
        }
    }

    @Test
    void batchOf16RowsChangingAtDifferentStepsNeedsFarFewerCallsAndRowsThanDdpm() {
        AncestralConfig config = AncestralConfig.of(1000, 1e-5);
        SampleRequest request = new SampleRequest(16, 8, 5L);
        Trace plain = trace(false, config, FakeDenoiser.xtDependent(VOCAB, false), request);
        Trace cached = trace(true, config, FakeDenoiser.xtDependent(VOCAB, false), request);
        assertArrayEquals(plain.result().tokens(), cached.result().tokens());
        assertEquals(1001, plain.result().networkCalls());
        assertEquals(16 * 1001, plain.rowEvaluations());

        // the scenario: rows change at different steps, so some row changes at many more steps than any one row
        List<int[][]> xs = plain.inputs();
        int stepsChangingSomeRow = 0;
        int[] stepsChangingRow = new int[16];
        for (int k = 1; k < xs.size(); k++) {
            int[] changed = changedRows(xs.get(k - 1), xs.get(k));
            stepsChangingSomeRow += changed.length > 0 ? 1 : 0;
            for (int b : changed) {
                stepsChangingRow[b]++;
            }
        }
        int most = Arrays.stream(stepsChangingRow).max().orElseThrow();
        assertTrue(stepsChangingSomeRow > 4 * most, stepsChangingSomeRow + " steps changed some row, at most " + most
                + " one row");

        int calls = cached.result().networkCalls();
        assertEquals(1 + stepsChangingSomeRow, calls);
        assertTrue(calls * 4 < plain.result().networkCalls(), calls + " calls");
        int rows = cached.rowEvaluations();
        assertEquals(16 + Arrays.stream(stepsChangingRow).sum(), rows);
        // whole-batch reuse would evaluate 16 rows per call
        assertTrue(rows * 4 < 16 * calls, rows + " rows in " + calls + " calls");
        assertTrue(rows * 50 < plain.rowEvaluations(), rows + " rows");
    }

    @Test
    void aTimeConditionedDenoiserIsCalledOnTheWholeBatchEveryStep() {
        AncestralConfig config = AncestralConfig.of(24, 1e-5);
        SampleRequest request = labelled(4, 8, 9L);
        Trace plain = trace(false, config, FakeDenoiser.xtDependent(VOCAB, true), request);
        Trace cached = trace(true, config, FakeDenoiser.xtDependent(VOCAB, true), request);
        assertArrayEquals(plain.result().tokens(), cached.result().tokens());
        assertEquals(25, cached.result().networkCalls());
        for (int c = 0; c < cached.inputs().size(); c++) {
            assertArrayEquals(plain.inputs().get(c), cached.inputs().get(c), "call " + c);
        }
    }

    @Test
    void theRunCountsRowEvaluations() {
        AncestralConfig config = AncestralConfig.of(20, 1e-5);
        for (boolean cache : new boolean[] {false, true}) {
            FakeDenoiser fake = FakeDenoiser.xtDependent(VOCAB, false);
            int[][] x = labelled(6, 9, 4L).start(MASK, VOCAB);
            AncestralRun run = new AncestralRun(fake, FakeDenoiser.SCHEDULE, x, 4L, cache, new DrawShaping(1.0, 1.0));
            List<Integer> sizes = new ArrayList<>();
            for (int k = 0; k < config.steps(); k++) {
                run.step(config.time(k), config.time(k + 1));
            }
            run.removeNoise(config.eps());
            fake.inputs.forEach(in -> sizes.add(in.length));
            assertEquals(fake.calls(), run.networkCalls());
            assertEquals(sizes.stream().mapToLong(Integer::longValue).sum(), run.rowEvaluations(), "cache " + cache);
            if (!cache) {
                assertEquals(6L * 21, run.rowEvaluations());
            } else {
                assertTrue(run.rowEvaluations() < 6L * run.networkCalls(), "cache: " + sizes);
            }
        }
    }
}
