package org.mdlm.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Runs {@link Main} in a child JVM on the test class path, and watches the run folder it writes. */
final class CliProcess {

    private CliProcess() {
    }

    /** Starts {@code mdlm ARGS} in a new JVM, its output (both streams) going to {@code log}. */
    static Process start(Path log, String... args) throws IOException {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.add("-Xmx2g");
        // as the launcher and the test JVM: without it the kernels take their scalar loops, whose float sums
        // round differently, and a run split over two processes would not repeat the in-process one bit for bit
        cmd.add("--add-modules");
        cmd.add("jdk.incubator.vector");
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add(Main.class.getName());
        cmd.addAll(List.of(args));
        return new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }

    /** The last step logged in {@code run}'s metrics.jsonl, or -1 before the first. */
    static int lastLoggedStep(Path run) throws IOException {
        Path m = run.resolve("metrics.jsonl");
        if (!Files.exists(m)) {
            return -1;
        }
        int last = -1;
        for (String line : Files.readAllLines(m)) {
            int i = line.indexOf("\"step\":");
            if (i >= 0 && line.endsWith("}")) {
                String rest = line.substring(i + 7).replaceAll("[^0-9].*", "");
                if (!rest.isEmpty()) {
                    last = Math.max(last, Integer.parseInt(rest));
                }
            }
        }
        return last;
    }
}
