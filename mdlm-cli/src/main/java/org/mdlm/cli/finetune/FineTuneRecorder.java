package org.mdlm.cli.finetune;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.UncheckedIOException;
import org.mdlm.engine.finetune.CrossValidationResult;
import org.mdlm.engine.finetune.FineTuneListener;
import org.mdlm.engine.finetune.FoldResult;

/**
 * Passes the progress on to the lines people read and rewrites both reports after every fold, so
 * that an interrupted fine-tune leaves the folds it finished.
 */
public final class FineTuneRecorder implements FineTuneListener {

    private final FineTuneListener progress;
    private final FineTuneReport report;
    private final FineTuneFolder folder;
    private final ObjectMapper mapper;

    /** Records into {@code report}, written to {@code folder}; {@code progress} prints. */
    public FineTuneRecorder(FineTuneListener progress, FineTuneReport report, FineTuneFolder folder,
                            ObjectMapper mapper) {
        this.progress = progress;
        this.report = report;
        this.folder = folder;
        this.mapper = mapper;
    }

    @Override
    public void foldStarted(String arm, int fold, int trainRows, int testRows, int steps) {
        progress.foldStarted(arm, fold, trainRows, testRows, steps);
    }

    @Override
    public void progress(String arm, int fold, int step, int steps, int epoch, double meanLoss) {
        progress.progress(arm, fold, step, steps, epoch, meanLoss);
    }

    @Override
    public void foldFinished(String arm, FoldResult result) {
        report.add(arm, result);
        write();
        progress.foldFinished(arm, result);
    }

    /** Records an initialisation's final result and rewrites the reports. */
    public void finished(CrossValidationResult result) {
        report.set(result);
        write();
    }

    /** Writes {@code finetune.json} and {@code finetune.md} from the folds so far. */
    public void write() {
        try {
            folder.write(FineTuneFolder.JSON, mapper.writerWithDefaultPrettyPrinter().writeValueAsString(report.json())
                    + "\n");
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
        folder.write(FineTuneFolder.MARKDOWN, report.markdown());
    }
}
