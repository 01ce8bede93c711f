package org.mdlm.engine;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A training checkpoint: one zip file (e.g. {@code ckpt-000500.zip}) holding a
 * {@code checkpoint.properties} entry (step, model description, vocabulary size, parameter names and
 * shapes, the run's {@link TrainConfig}), one ND4J binary entry per array (parameters, EMA
 * weights and AdamW moments) and text attachments under {@code attached/} (the run's resolved
 * config and provenance, so the file alone rebuilds its model). Every entry is CRC-checked on load.
 *
 * <p>Nothing random is stored: every random number of a run derives from (seed, step), so the
 * arrays, the step and the config are all that an exact resume needs.
 */
public final class Checkpoint {

    private final Path file;
    private final int step;
    private final String description;
    private final int vocabSize;
    private final int maskId;
    private final long trainTokens;
    private final double valNatsPerToken;
    private final TrainConfig config;
    private final Map<String, INDArray> params;
    private final Map<String, INDArray> emaParams;
    private final Map<String, INDArray> adamM;
    private final Map<String, INDArray> adamV;
    private final Map<String, String> attachments;

    Checkpoint(Path file, int step, String description, int vocabSize, int maskId, long trainTokens,
               double valNatsPerToken, TrainConfig config, Map<String, INDArray> params,
               Map<String, INDArray> emaParams, Map<String, INDArray> adamM, Map<String, INDArray> adamV,
               Map<String, String> attachments) {
        this.file = file;
        this.step = step;
        this.description = description;
        this.vocabSize = vocabSize;
        this.maskId = maskId;
        this.trainTokens = trainTokens;
        this.valNatsPerToken = valNatsPerToken;
        this.config = config;
        this.params = Collections.unmodifiableMap(new LinkedHashMap<>(params));
        this.emaParams = Collections.unmodifiableMap(new LinkedHashMap<>(emaParams));
        this.adamM = Collections.unmodifiableMap(new LinkedHashMap<>(adamM));
        this.adamV = Collections.unmodifiableMap(new LinkedHashMap<>(adamV));
        this.attachments = Collections.unmodifiableMap(new LinkedHashMap<>(attachments));
    }

    /**
     * Reads and verifies a checkpoint.
     *
     * @throws CheckpointException if the file is missing, truncated, corrupt (CRC mismatch) or lacks
     *                             an entry; the message names the file and what to do
     */
    public static Checkpoint load(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new CheckpointException("checkpoint " + file + " does not exist or is not a file; pass the path of a "
                    + "ckpt-NNNNNN.zip written by 'mdlm train'");
        }
        try (ZipFile zip = new ZipFile(file.toFile())) {
            return CheckpointFormat.read(file, zip);
        } catch (ZipException e) {
            throw corrupt(file, e.getMessage(), e);
        } catch (NoSuchFileException e) {
            throw new CheckpointException("checkpoint " + file + " disappeared while reading it", e);
        } catch (IOException e) {
            throw corrupt(file, e.toString(), e);
        } catch (CheckpointException e) {
            throw e;
        } catch (RuntimeException e) {
            throw corrupt(file, "unreadable content: " + e, e);
        }
    }

    static CheckpointException corrupt(Path file, String what, Throwable cause) {
        return new CheckpointException("checkpoint " + file + " is truncated or corrupt (" + what + "); it was "
                + "probably cut short by a crash, a full disk or an incomplete copy. Use an older checkpoint from "
                + "the same folder, or copy the file again", cause);
    }

    /** The file it was loaded from or written to. */
    public Path file() {
        return file;
    }

    /** Completed optimizer steps. */
    public int step() {
        return step;
    }

    /** The model description of the run, e.g. {@code "dit/subs/loglinear"}. */
    public String description() {
        return description;
    }

    /** Number of token ids including the mask. */
    public int vocabSize() {
        return vocabSize;
    }

    /** Id of the mask token. */
    public int maskId() {
        return maskId;
    }

    /** Training tokens consumed up to this checkpoint. */
    public long trainTokens() {
        return trainTokens;
    }

    /** The last validation NELBO (nats/token, EMA weights) before this checkpoint, NaN if none. */
    public double valNatsPerToken() {
        return valNatsPerToken;
    }

    /** The training config of the run that wrote it. */
    public TrainConfig config() {
        return config;
    }

    /** Parameter names in the stored order. */
    public List<String> paramNames() {
        return List.copyOf(params.keySet());
    }

    /** Raw (last-step) weights by parameter name. */
    public Map<String, INDArray> params() {
        return params;
    }

    /** EMA weights by parameter name: the ones to evaluate and sample with. */
    public Map<String, INDArray> emaParams() {
        return emaParams;
    }

    /** AdamW first moments by parameter name. */
    public Map<String, INDArray> adamFirstMoments() {
        return adamM;
    }

    /** AdamW second moments by parameter name. */
    public Map<String, INDArray> adamSecondMoments() {
        return adamV;
    }

    /** Writes this checkpoint's content into {@code target} atomically; returns {@code target}. */
    /**
     * Text documents stored with the weights, by name: the run's resolved {@code config.json} and its
     * {@code provenance.json} when the trainer was given them, so that a checkpoint file alone
     * rebuilds its model. Empty for checkpoints written without them.
     */
    public Map<String, String> attachments() {
        return attachments;
    }

    Path saveTo(Path target) {
        CheckpointFormat.writeAtomically(target, this);
        return target;
    }
}
