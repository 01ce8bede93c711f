package org.mdlm.cli.commands;

import picocli.CommandLine.Command;

/** {@code mdlm bench}: benchmarks, each a subcommand. */
@Command(name = "bench", mixinStandardHelpOptions = true, subcommands = {BenchTrainCommand.class, BenchSampleCommand.class,
        BenchTokenizeCommand.class}, description = "Benchmarks (speed of training steps, sampling, tokenizers; see the subcommands).")
public final class BenchCommand implements Runnable {

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getErr());
    }
}
