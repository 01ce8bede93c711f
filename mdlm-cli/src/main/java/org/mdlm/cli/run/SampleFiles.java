package org.mdlm.cli.run;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The folder {@code mdlm sample} writes: {@code samples.txt} (one text per line), {@code samples.jsonl}
 * (one JSON object per sample: {@code index}, {@code text}, {@code tokens}, {@code fixed} positions,
 * {@code entropy} in nats) and {@code report.json} (sampler, steps, network calls, times, entropy).
 */
public final class SampleFiles {

    /** The texts, one per line. */
    public static final String TEXTS = "samples.txt";
    /** One JSON object per sample. */
    public static final String JSONL = "samples.jsonl";
    /** The sampling report. */
    public static final String REPORT = "report.json";

    private SampleFiles() {
    }

    /**
     * A new folder {@code parent/samples/<yyyyMMdd-HHmmss>} (with {@code -2}, {@code -3}... when taken).
     */
    public static Path newTimestampedFolder(Path parent) {
        String stamp = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
        Path base = parent.resolve("samples");
        Path dir = base.resolve(stamp);
        for (int i = 2; Files.exists(dir); i++) {
            dir = base.resolve(stamp + "-" + i);
        }
        return dir;
    }

    /**
     * Writes the three files into {@code dir} (created when missing; files of the same names are replaced).
     *
     * @param fixed the positions holding fixed tokens (empty when none)
     */
    public static void write(Path dir, SamplingSession.Outcome outcome, int[] fixed, Map<String, Object> report,
                             ObjectMapper mapper) {
        ObjectWriter line = mapper.writer().without(SerializationFeature.INDENT_OUTPUT);
        StringBuilder jsonl = new StringBuilder();
        try {
            for (int i = 0; i < outcome.texts().size(); i++) {
                Map<String, Object> o = new LinkedHashMap<>();
                o.put("index", i);
                o.put("text", outcome.texts().get(i));
                o.put("tokens", outcome.tokens()[i]);
                o.put("fixed", fixed);
                o.put("entropy", outcome.entropies()[i]);
                jsonl.append(line.writeValueAsString(o)).append('\n');
            }
            Files.createDirectories(dir);
            Files.writeString(dir.resolve(TEXTS), String.join("\n", outcome.texts()) + "\n", StandardCharsets.UTF_8);
            Files.writeString(dir.resolve(JSONL), jsonl, StandardCharsets.UTF_8);
            Files.writeString(dir.resolve(REPORT), mapper.writerWithDefaultPrettyPrinter().writeValueAsString(report)
                    + "\n", StandardCharsets.UTF_8);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        } catch (IOException e) {
            throw new UncheckedIOException(new IOException("cannot write the samples to " + dir + ": " + e, e));
        }
    }
}
