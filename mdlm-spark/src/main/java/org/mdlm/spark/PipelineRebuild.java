package org.mdlm.spark;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.mdlm.api.domain.Split;
import org.mdlm.api.domain.TokenStream;
import org.mdlm.api.plugin.PluginRegistry;
import org.mdlm.cli.config.ConfigResolver;
import org.mdlm.cli.config.JsonMappers;
import org.mdlm.cli.config.Presets;
import org.mdlm.cli.config.ResolvedConfig;
import org.mdlm.cli.run.Pipeline;
import org.mdlm.engine.ModelSpec;
import org.mdlm.engine.TrainConfig;

/**
 * A run's model, settings and training corpus rebuilt on an executor from its resolved config,
 * with the providers the executor's class loader finds (mdlm's own, and plugin jars shipped with
 * {@code spark-submit --jars}).
 *
 * @param spec the model
 * @param config the training settings
 * @param train the training split (read with the domain's own reader and token cache)
 */
record PipelineRebuild(ModelSpec spec, TrainConfig config, TokenStream train) {

    /**
     * Resolves {@code configJson} and reads the training split.
     *
     * @throws IllegalArgumentException when the JSON is not an object
     */
    static PipelineRebuild of(String configJson) {
        ObjectMapper mapper = JsonMappers.create();
        JsonNode tree;
        try {
            tree = mapper.readTree(configJson);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("the run's config is not valid JSON: " + e.getOriginalMessage(), e);
        }
        if (!(tree instanceof ObjectNode object)) {
            throw new IllegalArgumentException("the run's config must be a JSON object, got " + tree.getNodeType());
        }
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        PluginRegistry registry = PluginRegistry.load(loader != null ? loader : PipelineRebuild.class.getClassLoader());
        ResolvedConfig cfg = new ConfigResolver(registry, mapper, new Presets(mapper)).resolve(object);
        Pipeline pipeline = Pipeline.assemble(cfg);
        return new PipelineRebuild(pipeline.modelSpec(cfg), cfg.train(), pipeline.domain().read(Split.TRAIN));
    }
}
