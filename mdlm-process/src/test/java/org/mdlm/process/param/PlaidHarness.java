package org.mdlm.process.param;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import org.mdlm.api.domain.Vocabulary;
import org.mdlm.api.model.Corruption;
import org.mdlm.api.model.FeedFunction;
import org.mdlm.api.model.GraphFeeds;
import org.mdlm.api.model.InputVectors;
import org.mdlm.api.model.LossContext;
import org.mdlm.api.model.RouteContext;
import org.mdlm.api.model.VectorContext;
import org.mdlm.api.schedule.NoiseSchedule;
import org.mdlm.process.schedule.LogLinearConfig;
import org.mdlm.process.schedule.LogLinearSchedule;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Builds the Plaid objective's graph as the engine does (vectors from x0, then the loss), with a
 * placeholder standing in for the backbone's logits, and runs it on values a test chose: the
 * clean tokens, the times, the Gaussian noise and the logits.
 */
final class PlaidHarness {

    final PlaidObjective objective;
    final Vocabulary vocabulary;
    final SameDiff sd = SameDiff.create();
    final SDVariable vectors;
    final SDVariable tokenLoss;
    private final Map<String, SDVariable> rows = new LinkedHashMap<>();
    private final Map<String, FeedFunction> fills = new LinkedHashMap<>();

    PlaidHarness(PlaidConfig config, int vocabSize, int maskId, long initSeed) {
        objective = new PlaidObjective(config);
        vocabulary = Vocabulary.of(vocabSize, maskId);
        SDVariable x0 = sd.placeHolder("x0", DataType.INT32, -1, -1);
        SDVariable xt = sd.placeHolder("xt", DataType.INT32, -1, -1);
        SDVariable t = sd.placeHolder("t", DataType.FLOAT, -1);
        SDVariable logits = sd.placeHolder("logits", DataType.FLOAT, -1, -1, vocabSize);
        GraphFeeds feeds = new GraphFeeds() {
            @Override
            public SDVariable placeholder(String name, DataType type, int rank, FeedFunction fill) {
                fills.put(name, fill);
                long[] shape = new long[rank];
                java.util.Arrays.fill(shape, -1L);
                return sd.placeHolder(name, type, shape);
            }

            @Override
            public SDVariable rows(String name, SDVariable table, SDVariable ids) {
                throw new AssertionError("plaid declares no row lookup");
            }
        };
        VectorContext vc = new VectorContext() {
            @Override
            public Optional<SDVariable> x0() {
                return Optional.of(x0);
            }

            @Override
            public SDVariable t() {
                return t;
            }

            @Override
            public SDVariable state(int width) {
                throw new IllegalStateException("graph with a loss");
            }

            @Override
            public GraphFeeds feeds() {
                return feeds;
            }

            @Override
            public SDVariable selfCondition(String name, int width, String source, String rows) {
                throw new AssertionError("the harness builds plaid without self-conditioning");
            }

            @Override
            public boolean training() {
                return true;
            }

            @Override
            public long initSeed() {
                return initSeed;
            }

            @Override
            public Vocabulary vocabulary() {
                return vocabulary;
            }
        };
        InputVectors in = objective.backboneVectors(sd, vc);
        vectors = in.values();
        NoiseSchedule schedule = new LogLinearSchedule(LogLinearConfig.defaults());
        LossContext lc = new StubLossContext(logits, x0, xt, rows, vocabulary, schedule);
        tokenLoss = objective.tokenLoss(sd, new TimedLossContext(lc, t, rows, sd));
    }

    /** The declared noise feed's function (the engine fills it per call). */
    FeedFunction noiseFill() {
        return fills.get(PlaidGraph.NOISE);
    }

    /** Runs the named outputs for x0 [B][L], times t, noise [B][L][D] and logits [B][L][V]. */
    Map<String, INDArray> run(int[][] x0, double[] t, INDArray noise, INDArray logits, String... names) {
        Map<String, INDArray> out = new HashMap<>();
        sd.output(feeds(x0, t, noise, logits), names).forEach((k, v) -> out.put(k, v.dup()));
        return out;
    }

    /** The placeholder values for x0 [B][L], times t, noise [B][L][D] and logits [B][L][V]. */
    Map<String, INDArray> feeds(int[][] x0, double[] t, INDArray noise, INDArray logits) {
        Corruption c = objective.corrupt(x0, null, t, new RouteContext(new LogLinearSchedule(LogLinearConfig.defaults()),
                vocabulary, 1e-3, true), new SplittableRandom(0));
        Map<String, INDArray> feed = new HashMap<>();
        feed.put("x0", Nd4j.createFromArray(x0));
        feed.put("xt", Nd4j.createFromArray(c.xt()));
        feed.put("t", Nd4j.createFromArray(t).castTo(DataType.FLOAT));
        feed.put(PlaidGraph.NOISE, noise.castTo(DataType.FLOAT));
        feed.put("logits", logits.castTo(DataType.FLOAT));
        for (String row : rows.keySet()) {
            feed.put("row." + row, Nd4j.createFromArray(c.rowValues().get(row)).castTo(DataType.FLOAT));
        }
        return feed;
    }

    /** A loss context whose time is the harness's t placeholder and whose rows become placeholders. */
    private record TimedLossContext(LossContext inner, SDVariable time, Map<String, SDVariable> rows, SameDiff sd)
            implements LossContext {

        @Override
        public SDVariable logits() {
            return inner.logits();
        }

        @Override
        public SDVariable x0() {
            return inner.x0();
        }

        @Override
        public SDVariable xt() {
            return inner.xt();
        }

        @Override
        public SDVariable t() {
            return time;
        }

        @Override
        public SDVariable sigma() {
            throw new AssertionError("plaid reads no sigma");
        }

        @Override
        public SDVariable dsigma() {
            throw new AssertionError("plaid reads no dsigma");
        }

        @Override
        public SDVariable rowInput(String name) {
            return rows.computeIfAbsent(name, n -> sd.placeHolder("row." + n, DataType.FLOAT, -1));
        }

        @Override
        public Vocabulary vocabulary() {
            return inner.vocabulary();
        }

        @Override
        public NoiseSchedule schedule() {
            return inner.schedule();
        }
    }
}
