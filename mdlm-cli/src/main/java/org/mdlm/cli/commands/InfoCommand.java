package org.mdlm.cli.commands;

import java.util.Locale;
import java.util.concurrent.Callable;
import org.mdlm.cli.run.Backend;
import org.mdlm.engine.GemmThreads;
import org.nd4j.linalg.factory.Nd4j;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code mdlm info}: the compute environment (ND4J backend, device, threads, Java, OS, cores). */
@Command(name = "info", mixinStandardHelpOptions = true,
        description = "Print the ND4J backend, device, threads, Java version, OS and cores.")
public final class InfoCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    /** Creates the command. */
    public InfoCommand() {
    }

    @Override
    public Integer call() {
        var out = spec.commandLine().getOut();
        var env = Nd4j.getEnvironment();
        out.printf(Locale.ROOT, "backend:  %s%n", Backend.describe());
        out.printf(Locale.ROOT, "device:   %s%n", env.isCPU() ? "CPU" : "GPU");
        out.printf(Locale.ROOT, "threads:  %d OpenMP (OMP_NUM_THREADS=%s), %d OpenBLAS for large matrix products (--threads)%n",
                Backend.threads(), System.getenv().getOrDefault("OMP_NUM_THREADS", "unset"), GemmThreads.threads());
        out.printf(Locale.ROOT, "java:     %s (%s)%n", System.getProperty("java.version"), System.getProperty("java.vm.name"));
        out.printf(Locale.ROOT, "os:       %s %s (%s)%n", System.getProperty("os.name"), System.getProperty("os.version"),
                System.getProperty("os.arch"));
        out.printf(Locale.ROOT, "cores:    %d%n", Runtime.getRuntime().availableProcessors());
        out.printf(Locale.ROOT, "max heap: %d MiB%n", Runtime.getRuntime().maxMemory() >> 20);
        return 0;
    }
}
