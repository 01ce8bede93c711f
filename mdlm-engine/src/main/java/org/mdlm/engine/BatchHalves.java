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
import org.nd4j.linalg.api.buffer.DataType;
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

    /** Whether a batch of {@code rows} is split: at least 2 rows and at least 2 kernel threads. */
    static boolean worthSplitting(int rows) {
        return rows >= 2 && KernelThreads.threads() >= 2 && !KernelThreads.pinned();
    }

    /** The denoiser output of {@code xt} at {@code sigma} (checked by the caller), computed in two halves. */
    DenoiserOutput evaluate(int[][] xt, double[] sigma, DenoiserOutputKind kind) {
        int split = xt.length / 2;
        int[][] topRows = Arrays.copyOfRange(xt, 0, split);
        int[][] bottomRows = Arrays.copyOfRange(xt, split, xt.length);
        double[] topSigma = Arrays.copyOfRange(sigma, 0, split);
        double[] bottomSigma = Arrays.copyOfRange(sigma, split, sigma.length);
        Future<float[]> bottom = helper.submit(() -> KernelThreads.onCallingThread(
                () -> values(copy, second, bottomRows, bottomSigma)));
        float[] top = KernelThreads.onCallingThread(() -> values(graph, first, topRows, topSigma));
        float[] rest = join(bottom);
        float[] all = Arrays.copyOf(top, top.length + rest.length);
        System.arraycopy(rest, 0, all, top.length, rest.length);
        int length = xt[0].length;
        int width = all.length / (xt.length * length);
        return new DenoiserOutput(kind, xt.length, length, width, all);
    }

    private static float[] values(ModelGraph g, LeanExecutor executor, int[][] xt, double[] sigma) {
        String name = g.outputName();
        INDArray out = executor.run(g.inferencePlaceholders(xt, sigma,
                Seeds.rng(0L, 0L, Seeds.INFER_FEEDS)), List.of(name)).get(name);
        return out.castTo(DataType.FLOAT).dup('c').data().asFloat();
    }

    private static float[] join(Future<float[]> f) {
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
