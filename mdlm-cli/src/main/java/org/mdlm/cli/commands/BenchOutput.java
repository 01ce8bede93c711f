package org.mdlm.cli.commands;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.util.List;
import java.util.Map;
import org.mdlm.api.plugin.ExtensionPoint;
import org.mdlm.cli.config.ResolvedConfig;
import org.mdlm.cli.run.Backend;
import org.mdlm.engine.GemmThreads;
import org.mdlm.engine.OpProfiler;
import picocli.CommandLine.Option;

/**
 * What every {@code mdlm bench} command shares: warm-up, the JSON or text report, the op profile,
 * and the machine facts written beside the timings.
 */
public final class BenchOutput {

    @Option(names = "--warmup", defaultValue = "5", description = "Untimed warm-up iterations (default: ${DEFAULT-VALUE}).")
    int warmup;
    @Option(names = "--json", description = "Print JSON instead of text.")
    boolean json;
    @Option(names = "--profile", description = "Also time every op of the timed iterations and print the top ops.")
    boolean profile;
    @Option(names = "--top", defaultValue = "25", description = "Ops listed by --profile (default: ${DEFAULT-VALUE}).")
    int top;

    /** Adds the threads, backend and backbone of this run to a report. */
    void addMachine(Map<String, Object> report, ResolvedConfig cfg) {
        report.put("threads", Backend.threads());
        report.put("gemm_threads", GemmThreads.threads());
        report.put("cores", Runtime.getRuntime().availableProcessors());
        report.put("backend", Backend.describe());
        report.put("backbone", cfg.providerName(ExtensionPoint.BACKBONE));
        report.put("java", System.getProperty("java.version"));
    }

    /**
     * Prints the report: pretty JSON with {@code --json} (the profile under {@code profileKey}), else
     * the one-line summary followed by the profile table with {@code --profile}.
     */
    void print(PrintWriter out, ObjectMapper mapper, Map<String, Object> report, String line,
               List<OpProfiler.OpTime> ops, String profileKey) throws JsonProcessingException {
        if (profile) {
            report.put(profileKey, ProfileTable.rows(ops, top));
        }
        if (json) {
            out.println(mapper.writerWithDefaultPrettyPrinter().writeValueAsString(report));
            return;
        }
        out.println(line);
        if (profile) {
            ProfileTable.print(out, ops, top);
        }
    }
}
