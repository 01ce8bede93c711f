package org.mdlm.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.mdlm.api.plugin.PluginRegistry;
import org.mdlm.cli.config.ConfigResolver;
import org.mdlm.cli.config.JsonMappers;
import org.mdlm.cli.config.Presets;
import org.mdlm.cli.config.ResolvedConfig;
import org.mdlm.cli.run.Pipeline;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.mdlm.testkit.TestData;

/**
 * The model of the reference parity fixture (text8 vocabulary, dit 64 x 4 heads x 2 blocks, cond 32,
 * no dropout, no time conditioning, subs, loglinear) as the CLI assembles it, and the fixture's weights.
 */
final class ParityModel {

    static final Path PARITY = TestData.fixture("dit-parity");

    private ParityModel() {
    }

    /** The pipeline of the fixture's model. */
    static Pipeline pipeline() throws IOException {
        return Pipeline.assemble(config());
    }

    /** The resolved config of the fixture's model. */
    static ResolvedConfig config() throws IOException {
        ObjectMapper mapper = JsonMappers.create();
        ObjectNode tree = (ObjectNode) mapper.readTree("""
                {"domain": {"type": "text8"}, "schedule": {"type": "loglinear"}, "parameterization": {"type": "subs"},
                 "model": {"type": "dit", "hidden": 64, "heads": 4, "blocks": 2, "cond_dim": 32, "mlp_ratio": 4,
                           "dropout": 0.0, "time_conditioning": false},
                 "sampler": {"type": "ddpm"}}""");
        return new ConfigResolver(PluginRegistry.loadDefault(), mapper, new Presets(mapper)).resolve(tree);
    }

    /** The 30 reference parameters by name, in the fixture's order. */
    static Map<String, INDArray> weights() throws IOException {
        Map<String, INDArray> weights = new LinkedHashMap<>();
        for (JsonNode n : JsonMappers.create().readTree(PARITY.resolve("params.json").toFile()).get("parameters")) {
            String name = n.get("name").asText();
            weights.put(name, Nd4j.createFromNpyFile(PARITY.resolve(name + ".npy").toFile()));
        }
        return weights;
    }
}
