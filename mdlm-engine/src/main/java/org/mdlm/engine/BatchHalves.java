package org.mdlm.engine;

import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.mdlm.api.kernels.KernelThreads;
import org.mdlm.api.model.DenoiserOutput;
import org.mdlm.api.model.DenoiserOutputKind;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Inference on both cores: the first half of a batch runs through the model's lean executor on the
 * calling thread while the second half runs on a helper thread through a second copy of the graph
 * (SameDiff's op objects hold their operands, so one graph cannot run on two threads), with the
 * weights copied from the first when this is created (an {@link InferenceModel}'s weights do not
 * change); the two outputs are stacked in row order. Each executor keeps its kernels and matrix products on
 * its own thread, so the result is the same, row for row, as one executor's (the ops on a row do
 * not depend on the other rows).
 */
final class BatchHalves implements AutoCloseable {

    private final ModelGraph graph;
    private final ModelGraph copy;
    private final LeanExecutor first;
    private final LeanExecutor second;
    private final ExecutorService helper = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "mdlm-inference-half");
        t.setDaemon(true);
        return t;
    });

    /**
     * @param graph the model's inference graph, with its weights
     * @param first the lean executor of {@code graph}
     */
    BatchHalves(ModelGraph graph, LeanExecutor first) {
        this.graph = graph;
        this.first = first;
        this.copy = ModelGraph.build(graph.spec(), false, false, 0L);
        copy.setParams(graph.params());
        this.second = java.util.Objects.requireNonNull(InferenceModel.forwardExecutor(copy), "a lean executor");
    }

    /**
     * Whether a batch of {@code rows} is split: at least 2 rows, at least 2 kernel threads, and not
     * {@code -Dmdlm.inference.halves=off} (one executor, its products and kernels on all threads).
     */
    static boolean worthSplitting(int rows) {
        return rows >= 2 && KernelThreads.threads() >= 2 && !KernelThreads.pinned()
                && !"off".equalsIgnoreCase(System.getProperty("mdlm.inference.halves", "on"));
    }

    /** The denoiser output of {@code xt} at {@code sigma} (checked by the caller), computed in two halves. */
    DenoiserOutput evaluate(int[][] xt, double[] sigma, DenoiserOutputKind kind) {
        int split = xt.length / 2;
        int[][] topRows = Arrays.copyOfRange(xt, 0, split);
        int[][] bottomRows = Arrays.copyOfRange(xt, split, xt.length);
        double[] topSigma = Arrays.copyOfRange(sigma, 0, split);
        double[] bottomSigma = Arrays.copyOfRange(sigma, split, sigma.length);
        Future<INDArray> bottom = helper.submit(() -> KernelThreads.onCallingThread(
                () -> output(copy, second, bottomRows, bottomSigma)));
        INDArray top = KernelThreads.onCallingThread(() -> output(graph, first, topRows, topSigma));
        INDArray rest = join(bottom);
        // Both halves go straight from the executors' live arrays into the one Java table: no native
        // or Java intermediate per call (a native copy per call, owned by a Java object that the
        // collector may promote, held hundreds of MB of RSS on the small preset).
        float[] all = new float[Math.toIntExact(top.length() + rest.length())];
        int n = NativeTables.copyInto(top, all, 0);
        NativeTables.copyInto(rest, all, n);
        int length = xt[0].length;
        int width = all.length / (xt.length * length);
        return new DenoiserOutput(kind, xt.length, length, width, all);
    }

    private static INDArray output(ModelGraph g, LeanExecutor executor, int[][] xt, double[] sigma) {
        String name = g.outputName();
        return executor.run(g.inferencePlaceholders(xt, sigma,
                Seeds.rng(0L, 0L, Seeds.INFER_FEEDS)), List.of(name)).get(name);
    }

    private static INDArray join(Future<INDArray> f) {
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the second half of a batch", e);
        } catch (ExecutionException e) {
            Throwable c = e.getCause();
            if (c instanceof RuntimeException re) {
                throw re;
            }
            if (c instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException("the second half of a batch failed: " + c, c);
        }
    }

    @Override
    public void close() {
        helper.shutdownNow();
    }
}
