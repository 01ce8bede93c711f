package org.mdlm.cli.run;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import org.mdlm.engine.EvalMetrics;
import org.mdlm.engine.StepMetrics;
import org.mdlm.engine.TrainingListener;

/**
 * Appends one JSON object per logged step (and per evaluation) to {@code metrics.jsonl}, flushing
 * each line so that an interrupted run keeps everything it logged.
 */
public final class MetricsLog implements TrainingListener, AutoCloseable {

    private final ObjectMapper mapper;
    private final BufferedWriter out;
    private final ReportUnit units;

    /** Opens (appending to) the log; evaluations carry bits in {@code units} ({@code val_bpc}, {@code val_bits_per_base}). */
    public MetricsLog(Path file, ObjectMapper mapper, ReportUnit units) {
        this.mapper = mapper.copy().disable(SerializationFeature.INDENT_OUTPUT);
        this.units = units;
        try {
            this.out = Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Drops the lines logged after {@code step} (a run killed after its last checkpoint logged
     * steps that resuming will redo), rewriting the file atomically.
     */
    public static void truncateAfter(Path file, int step, ObjectMapper mapper) {
        if (!Files.exists(file)) {
            return;
        }
        try {
            List<String> kept = new ArrayList<>();
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                if (line.isBlank()) {
                    continue;
                }
                try {
                    if (mapper.readTree(line).path("step").asInt(Integer.MAX_VALUE) <= step) {
                        kept.add(line);
                    }
                } catch (IOException torn) {
                    // a line cut short by a kill: dropped
                }
            }
            Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
            Files.write(tmp, kept, StandardCharsets.UTF_8);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void onStep(StepMetrics m) {
        ObjectNode n = mapper.createObjectNode();
        n.put("step", m.step());
        n.put("loss", m.loss());
        n.put("lr", m.lr());
        n.put("grad_norm", m.gradNorm());
        n.put("ms_per_step", m.msPerStep());
        n.put("tokens_per_s", m.tokensPerSecond());
        write(n);
    }

    @Override
    public void onEval(EvalMetrics m) {
        ObjectNode n = mapper.createObjectNode();
        n.put("step", m.step());
        n.put("val_nats_per_token", m.natsPerToken());
        n.put("val_se", m.result().standardError());
        units.bitsKey().ifPresent(key -> n.put(key, Reports.bitsPerToken(m.natsPerToken())));
        n.put("val_ppl", Math.exp(m.natsPerToken()));
        n.put("val_exact", m.result().exact());
        n.put("ema", m.ema());
        write(n);
    }

    private void write(ObjectNode n) {
        try {
            out.write(mapper.writeValueAsString(n));
            out.newLine();
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try {
            out.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
