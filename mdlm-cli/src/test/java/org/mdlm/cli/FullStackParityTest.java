package org.mdlm.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.mdlm.api.plugin.PluginRegistry;
import org.mdlm.cli.config.ConfigResolver;
import org.mdlm.cli.config.JsonMappers;
import org.mdlm.cli.config.Presets;
import org.mdlm.cli.config.ResolvedConfig;
import org.mdlm.cli.run.Pipeline;
import org.mdlm.engine.InferenceModel;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.mdlm.testkit.TestData;

/**
 * The whole inference path as the CLI assembles it (text8 domain, dit backbone, subs
 * parameterization, the engine's inference graph) loaded with the PyTorch reference's weights
 * must reproduce the reference's SUBS log-probabilities.
 */
class FullStackParityTest {

    @ParameterizedTest
    @ValueSource(strings = {"cond", "uncond"})
    void subsLogProbsMatchTheReference(String variant) throws Exception {
        ObjectMapper mapper = JsonMappers.create();
        ObjectNode tree = (ObjectNode) mapper.readTree("""
                {"domain": {"type": "text8"}, "schedule": {"type": "loglinear"}, "parameterization": {"type": "subs"},
                 "model": {"type": "dit", "hidden": 64, "heads": 4, "blocks": 2, "cond_dim": 32, "mlp_ratio": 4,
                           "dropout": 0.0, "time_conditioning": %s},
                 "sampler": {"type": "ddpm"}}""".formatted(variant.equals("cond")));
        ResolvedConfig cfg = new ConfigResolver(PluginRegistry.loadDefault(), mapper, new Presets(mapper)).resolve(tree);
        Pipeline pipeline = Pipeline.assemble(cfg);
        Map<String, INDArray> params = new LinkedHashMap<>();
        for (var p : mapper.readTree(fixture().resolve("params.json").toFile()).get("parameters")) {
            String name = p.get("name").asText();
            params.put(name, npy(name));
        }
        InferenceModel model = InferenceModel.create(pipeline.modelSpec(cfg), params);
        INDArray xt = npy("xt");
        int[][] tokens = xt.castTo(DataType.INT32).toIntMatrix();
        double[] sigma = npy("sigma").castTo(DataType.DOUBLE).toDoubleVector();
        INDArray got = model.outputArray(tokens, sigma).castTo(DataType.DOUBLE);
        INDArray want = npy("subs_logp_" + variant).castTo(DataType.DOUBLE);
        assertEquals(java.util.Arrays.toString(want.shape()), java.util.Arrays.toString(got.shape()));
        double maxFinite = 0;
        long n = want.length();
        for (long i = 0; i < n; i++) {
            double w = want.getDouble(i);
            double g = got.getDouble(i);
            if (w > -1e5) {
                maxFinite = Math.max(maxFinite, Math.abs(w - g));
            } else {
                assertTrue(g < -999_990, "entry " + i + " should be the -1e6 sentinel, got " + g);
            }
        }
        assertTrue(maxFinite < 1e-5, "max abs difference of finite log-probs " + maxFinite);
    }

    private static Path fixture() {
        return TestData.path("fixtures/dit-parity");
    }

    private static INDArray npy(String name) {
        return Nd4j.createFromNpyFile(fixture().resolve(name + ".npy").toFile());
    }
}
