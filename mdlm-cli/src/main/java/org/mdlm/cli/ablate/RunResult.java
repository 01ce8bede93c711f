package org.mdlm.cli.ablate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * What one run of a grid contributes to the tables: its budget (steps, training tokens), its final
 * validation figure (the last periodic evaluation in {@code metrics.jsonl}, with its standard error
 * and whether it is the exact NLL or a NELBO bound) and its validation curve; or why it has none.
 *
 * @param run the run
 * @param status finished, failed or missing
 * @param failure the failure's message (FAILED), else null
 * @param steps optimizer steps done (FINISHED)
 * @param trainTokens training tokens seen (FINISHED)
 * @param natsPerToken the last validation loss in nats per token, NaN if none was logged
 * @param standardError its standard error over windows, NaN if unknown
 * @param characterLevel whether the domain is character-level (the log carries bits per character)
 * @param exact whether the figure is the exact NLL (true) or a NELBO bound (false)
 * @param curve the periodic evaluations, in step order
 * @param unit what the domain calls a token in reports ("token", "base"; the summary's {@code token_unit})
 */
public record RunResult(GridRun run, Status status, String failure, int steps, long trainTokens, double natsPerToken,
                        double standardError, boolean characterLevel, boolean exact, List<EvalPoint> curve,
                        String unit) {

    /** Whether a run has figures. */
    public enum Status {
        /** Reached its steps; figures read from its folder. */
        FINISHED,
        /** Threw an exception in this invocation. */
        FAILED,
        /** Not run yet, or interrupted. */
        MISSING
    }

    /**
     * One periodic evaluation.
     *
     * @param step the step it was measured at
     * @param natsPerToken validation nats per token
     */
    public record EvalPoint(int step, double natsPerToken) {
    }

    /** Copies the curve; a null unit is "token". */
    public RunResult {
        curve = List.copyOf(curve);
        unit = unit == null || unit.isBlank() ? "token" : unit;
    }

    /** A result whose unit is "token". */
    public RunResult(GridRun run, Status status, String failure, int steps, long trainTokens, double natsPerToken,
                     double standardError, boolean characterLevel, boolean exact, List<EvalPoint> curve) {
        this(run, status, failure, steps, trainTokens, natsPerToken, standardError, characterLevel, exact, curve, null);
    }

    /** A run without figures. */
    public static RunResult without(GridRun run, Status status, String failure) {
        return new RunResult(run, status, failure, 0, 0, Double.NaN, Double.NaN, false, false, List.of());
    }

    /** A run that threw {@code message}. */
    public static RunResult failed(GridRun run, String message) {
        return without(run, Status.FAILED, message);
    }

    /** Reads a run from its folder: FINISHED with its figures when {@link RunState} says so, else MISSING. */
    public static RunResult read(GridRun run, ObjectMapper mapper) {
        if (RunState.of(run.dir(), mapper).kind() != RunState.Kind.FINISHED) {
            return without(run, Status.MISSING, null);
        }
        try {
            JsonNode summary = mapper.readTree(run.dir().resolve("summary.json").toFile());
            List<EvalPoint> curve = new ArrayList<>();
            JsonNode last = null;
            Path metrics = run.dir().resolve("metrics.jsonl");
            if (Files.exists(metrics)) {
                for (String line : Files.readAllLines(metrics, StandardCharsets.UTF_8)) {
                    JsonNode m = line.isBlank() ? null : parse(mapper, line);
                    if (m != null && m.has("val_nats_per_token")) {
                        int step = m.path("step").asInt();
                        curve.removeIf(p -> p.step() == step);   // a resumed run may log its last evaluation twice
                        curve.add(new EvalPoint(step, m.get("val_nats_per_token").asDouble()));
                        last = m;
                    }
                }
            }
            return new RunResult(run, Status.FINISHED, null, summary.path("steps").asInt(),
                    summary.path("train_tokens").asLong(),
                    last == null ? Double.NaN : last.get("val_nats_per_token").asDouble(),
                    last == null || !last.path("val_se").isNumber() ? Double.NaN : last.get("val_se").asDouble(),
                    last != null && last.has("val_bpc"),
                    last != null ? last.path("val_exact").asBoolean() : !summary.path("val_is_bound").asBoolean(true),
                    curve, summary.path("token_unit").asText(null));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the results of " + run.dir() + ": " + e.getMessage(), e);
        }
    }

    private static JsonNode parse(ObjectMapper mapper, String line) {
        try {
            return mapper.readTree(line);
        } catch (IOException torn) {
            return null;   // a line cut short by a kill
        }
    }

    /** Bits per token (per character in a character domain): nats / ln 2. */
    public double bitsPerToken() {
        return natsPerToken / Math.log(2);
    }

    /** Perplexity: exp(nats); an upper bound when the figure is a bound. */
    public double perplexity() {
        return Math.exp(natsPerToken);
    }
}
