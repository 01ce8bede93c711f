package org.mdlm.cli;

import com.google.inject.Guice;
import com.google.inject.Injector;
import java.io.PrintWriter;
import org.mdlm.cli.plugins.PluginFolders;
import org.mdlm.cli.plugins.PluginJarLoader;
import org.mdlm.cli.plugins.PluginSet;
import org.mdlm.cli.run.ThreadOption;
import org.mdlm.cli.wiring.CliModule;
import org.mdlm.cli.wiring.GuiceFactory;
import org.mdlm.cli.wiring.UserErrors;
import picocli.CommandLine;

/** Entry point of the {@code mdlm} command. */
public final class Main {

    private Main() {
    }

    /** Runs the command line and exits with its code. */
    public static void main(String[] args) {
        System.exit(execute(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
    }

    /**
     * Runs one command line with the given output streams; returns the exit code (0 success, 2 bad
     * input or usage, 1 unexpected failure).
     */
    public static int execute(String[] args, PrintWriter out, PrintWriter err) {
        System.setProperty("java.awt.headless", "true");
        CommandLine cmd;
        try {
            ThreadOption.apply(args, Runtime.getRuntime().availableProcessors());
            PluginSet plugins = PluginJarLoader.load(Main.class.getClassLoader(),
                    PluginFolders.resolve(args, System.getenv(), System.getProperty("mdlm.home")));
            Injector injector = Guice.createInjector(new CliModule(plugins));
            cmd = new CommandLine(MdlmCommand.class, new GuiceFactory(injector));
        } catch (RuntimeException e) {
            return UserErrors.report(e, err);
        }
        cmd.setOut(out);
        cmd.setErr(err);
        cmd.setExecutionExceptionHandler((ex, line, parseResult) -> UserErrors.report(ex, line.getErr()));
        return cmd.execute(args);
    }
}
