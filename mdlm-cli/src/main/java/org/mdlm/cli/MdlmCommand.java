package org.mdlm.cli;

import org.mdlm.cli.commands.AblateCommand;
import org.mdlm.cli.commands.BenchCommand;
import org.mdlm.cli.commands.EvalCommand;
import org.mdlm.cli.commands.FineTuneCommand;
import org.mdlm.cli.commands.InfoCommand;
import org.mdlm.cli.commands.PluginsCommand;
import org.mdlm.cli.commands.PresetsCommand;
import org.mdlm.cli.commands.RunCommand;
import org.mdlm.cli.commands.SampleCommand;
import org.mdlm.cli.commands.TokenizeCommand;
import org.mdlm.cli.commands.TrainCommand;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** The top-level {@code mdlm} command; with no subcommand it prints its usage. */
@Command(name = "mdlm", mixinStandardHelpOptions = true, version = "mdlm 0.1.0",
        description = "Masked diffusion language models (MDLM) on the JVM: train, sample, evaluate, fine-tune, ablate, tokenize, benchmark.",
        subcommands = {RunCommand.class, TrainCommand.class, SampleCommand.class, EvalCommand.class, FineTuneCommand.class,
                AblateCommand.class, TokenizeCommand.class, PluginsCommand.class, PresetsCommand.class, BenchCommand.class,
                InfoCommand.class})
public final class MdlmCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Option(names = "--plugins", paramLabel = "DIR", scope = ScopeType.INHERIT,
            description = "Also load plugin jars from this folder (repeatable; also MDLM_PLUGINS and <install>/plugins).")
    List<Path> pluginFolders;

    @Option(names = "--threads", paramLabel = "N", scope = ScopeType.INHERIT,
            description = {"OpenBLAS threads for large matrix products (default: all cores; at most the cores).",
                    "Other native ops use OMP_NUM_THREADS threads, set before the JVM starts (the launcher's default: 1)."})
    Integer threads;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getErr());
    }
}
