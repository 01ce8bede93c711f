package org.mdlm.cli.commands;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.mdlm.cli.config.ConfigException;
import org.mdlm.cli.config.ConfigResolver;
import org.mdlm.cli.config.ResolvedConfig;
import org.mdlm.cli.run.Pipeline;
import org.mdlm.cli.run.RunDirectory;
import org.mdlm.engine.Checkpoint;
import org.mdlm.engine.InferenceModel;
import org.mdlm.engine.ModelSpec;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A trained model loaded back from a run folder or from a lone checkpoint file: its resolved config
 * (with the caller's overrides), components, spec and checkpoint.
 *
 * @param config its resolved config
 * @param pipeline its components
 * @param spec the model the checkpoint holds
 * @param checkpoint the checkpoint
 * @param useRawWeights whether the raw weights were asked for instead of the EMA weights
 */
record LoadedModel(ResolvedConfig config, Pipeline pipeline, ModelSpec spec, Checkpoint checkpoint,
                   boolean useRawWeights) {

    /**
     * Loads the model {@code source} names, with {@code overrides} applied to its saved config.
     *
     * @throws ConfigException if the run has no checkpoint or a checkpoint file carries no config
     */
    static LoadedModel load(ModelSource source, List<String> overrides, ConfigResolver resolver, ObjectMapper mapper) {
        ObjectNode tree;
        Checkpoint checkpoint;
        if (source.run() != null) {
            RunDirectory dir = RunDirectory.open(source.run(), mapper);
            tree = dir.readConfig();
            Path ckpt = dir.latestCheckpoint().orElseThrow(() -> new ConfigException("run " + source.run()
                    + " has no checkpoint yet; train it first (mdlm train --resume " + source.run() + ")"));
            checkpoint = Checkpoint.load(ckpt);
        } else {
            checkpoint = Checkpoint.load(source.checkpoint());
            tree = configOf(checkpoint, mapper);
        }
        ConfigResolver.applyOverrides(tree, overrides);
        ResolvedConfig cfg = resolver.resolve(tree, ConfigResolver.choosesSampler(overrides));
        Pipeline pipeline = Pipeline.assemble(cfg);
        return new LoadedModel(cfg, pipeline, pipeline.modelSpec(cfg), checkpoint, source.raw);
    }

    /** The resolved config stored inside a checkpoint. */
    static ObjectNode configOf(Checkpoint checkpoint, ObjectMapper mapper) {
        String json = checkpoint.attachments().get(RunDirectory.CONFIG);
        if (json == null) {
            throw new ConfigException("checkpoint " + checkpoint.file() + " carries no config (it was written by an "
                    + "older mdlm); use --run RUN_DIR with the run folder it belongs to");
        }
        try {
            JsonNode node = mapper.readTree(json);
            if (!node.isObject()) {
                throw new ConfigException("the config inside checkpoint " + checkpoint.file() + " is not a JSON object");
            }
            return (ObjectNode) node;
        } catch (JsonProcessingException e) {
            throw new ConfigException("the config inside checkpoint " + checkpoint.file() + " is not valid JSON: "
                    + e.getOriginalMessage() + "; the file is damaged, use another checkpoint", e);
        }
    }

    /** The weights to use: EMA unless the raw ones were asked for. */
    Map<String, INDArray> weights() {
        return useRawWeights ? checkpoint.params() : checkpoint.emaParams();
    }

    /** The model as a denoiser (inference graph with the chosen weights). */
    InferenceModel denoiser() {
        InferenceModel.check(spec, checkpoint);
        return InferenceModel.create(spec, weights(), checkpoint.config().seqLen());
    }
}
