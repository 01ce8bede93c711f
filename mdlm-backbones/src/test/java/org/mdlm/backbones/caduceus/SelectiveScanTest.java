package org.mdlm.backbones.caduceus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import org.mdlm.engine.PlaceholderFeeds;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The chunked scan of the graph equals the plain recurrence h_t = exp(Δ_t A) h_{t-1} + Δ_t B_t x_t,
 * y_t = C_t · h_t, run step by step in Java (double precision), in float32 to 1e-5 relative to the
 * output's scale: one and two directions, one chunk and many, chunks of one position, and decays
 * strong enough (Δ A down to -60 per step, -1900 per sequence) that a formulation taking exp of a
 * positive sum would overflow.
 */
class SelectiveScanTest {

    /** A scan graph over placeholders, with the chunk feeds. */
    private record ScanGraph(SameDiff sd, PlaceholderFeeds feeds, SDVariable y) {
        static ScanGraph build(int g, int e, int n, int k) {
            SameDiff sd = SameDiff.create();
            PlaceholderFeeds feeds = new PlaceholderFeeds(sd);
            SDVariable delta = sd.placeHolder("delta", DataType.FLOAT, g, -1, e);
            SDVariable a = sd.placeHolder("a", DataType.FLOAT, g, e, n);
            SDVariable x = sd.placeHolder("x", DataType.FLOAT, g, -1, e);
            SDVariable b = sd.placeHolder("b", DataType.FLOAT, g, -1, n);
            SDVariable c = sd.placeHolder("c", DataType.FLOAT, g, -1, n);
            ChunkMasks masks = ChunkMasks.declare(feeds, k, DataType.FLOAT);
            SDVariable y = new SelectiveScan(sd, g, e, n, k, masks, DataType.FLOAT).apply(delta, a, x, b, c);
            return new ScanGraph(sd, feeds, y);
        }

        INDArray run(double[][][] delta, double[][][] a, double[][][] x, double[][][] b, double[][][] c, int s, int l) {
            Map<String, INDArray> ph = new HashMap<>();
            ph.put("delta", Nd4j.createFromArray(delta).castTo(DataType.FLOAT));
            ph.put("a", Nd4j.createFromArray(a).castTo(DataType.FLOAT));
            ph.put("x", Nd4j.createFromArray(x).castTo(DataType.FLOAT));
            ph.put("b", Nd4j.createFromArray(b).castTo(DataType.FLOAT));
            ph.put("c", Nd4j.createFromArray(c).castTo(DataType.FLOAT));
            feeds.fill(ph, s, l, new SplittableRandom(1));
            return sd.output(ph, y.name()).get(y.name());
        }
    }

    @ParameterizedTest(name = "G={0} S={1} L={2} K={3} E={4} N={5} max decay {6}")
    @CsvSource({
        "1, 1, 8, 8, 3, 2, 0.5",      // one chunk
        "2, 2, 24, 4, 3, 4, 0.5",     // six chunks, both directions
        "1, 3, 12, 1, 2, 3, 0.5",     // chunks of one position
        "2, 2, 32, 8, 4, 5, 3.0",     // strong decays
        "1, 2, 64, 8, 2, 3, 60.0"     // decays that underflow: still finite, still equal
    })
    void chunkedScanEqualsTheSequentialRecurrence(int g, int s, int l, int k, int e, int n, double maxDecay) {
        SplittableRandom r = new SplittableRandom(31L * l + k);
        int m = s * l;
        double[][][] delta = new double[g][m][e];
        double[][][] x = new double[g][m][e];
        double[][][] b = new double[g][m][n];
        double[][][] c = new double[g][m][n];
        double[][][] a = new double[g][e][n];
        for (int gi = 0; gi < g; gi++) {
            for (int i = 0; i < m; i++) {
                for (int ei = 0; ei < e; ei++) {
                    delta[gi][i][ei] = r.nextDouble(0.0, 1.0);
                    x[gi][i][ei] = r.nextDouble(-1, 1);
                }
                for (int ni = 0; ni < n; ni++) {
                    b[gi][i][ni] = r.nextDouble(-1, 1);
                    c[gi][i][ni] = r.nextDouble(-1, 1);
                }
            }
            for (int ei = 0; ei < e; ei++) {
                for (int ni = 0; ni < n; ni++) {
                    a[gi][ei][ni] = -r.nextDouble(0.01, maxDecay);
                }
            }
        }
        INDArray y = ScanGraph.build(g, e, n, k).run(delta, a, x, b, c, s, l);
        assertEquals(3, y.rank());
        double[][][] expected = sequential(delta, a, x, b, c, s, l);
        double scale = 0;
        double worst = 0;
        for (int gi = 0; gi < g; gi++) {
            for (int i = 0; i < m; i++) {
                for (int ei = 0; ei < e; ei++) {
                    double got = y.getDouble(gi, i, ei);
                    assertTrue(Double.isFinite(got), "finite output at " + gi + "," + i + "," + ei);
                    scale = Math.max(scale, Math.abs(expected[gi][i][ei]));
                    worst = Math.max(worst, Math.abs(got - expected[gi][i][ei]));
                }
            }
        }
        assertTrue(scale > 0.1, "the outputs are not trivially small: " + scale);
        assertTrue(worst <= 1e-5 * Math.max(1.0, scale), "max abs difference " + worst + " at scale " + scale);
    }

    /** Lengths that are not multiples of the chunk are refused when the feeds are computed, naming the fix. */
    @Test
    void lengthNotAMultipleOfTheChunkIsRefused() {
        ScanGraph graph = ScanGraph.build(1, 2, 2, 4);
        IllegalArgumentException ex = assertThrows(IllegalArgumentException.class,
                () -> graph.feeds().fill(new HashMap<>(), 1, 10, new SplittableRandom(1)));
        assertTrue(ex.getMessage().contains("10") && ex.getMessage().contains("model.scan_chunk=4"), ex.getMessage());
    }

    /** The recurrence, one step at a time, per direction, sequence, channel and state. */
    static double[][][] sequential(double[][][] delta, double[][][] a, double[][][] x, double[][][] b,
                                   double[][][] c, int s, int l) {
        int g = delta.length;
        int e = delta[0][0].length;
        int n = b[0][0].length;
        double[][][] y = new double[g][s * l][e];
        for (int gi = 0; gi < g; gi++) {
            for (int si = 0; si < s; si++) {
                for (int ei = 0; ei < e; ei++) {
                    for (int ni = 0; ni < n; ni++) {
                        double h = 0;
                        for (int t = 0; t < l; t++) {
                            int i = si * l + t;
                            double dt = delta[gi][i][ei];
                            h = Math.exp(dt * a[gi][ei][ni]) * h + dt * b[gi][i][ni] * x[gi][i][ei];
                            y[gi][i][ei] += c[gi][i][ni] * h;
                        }
                    }
                }
            }
        }
        return y;
    }
}
