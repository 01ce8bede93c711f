package org.mdlm.cli;

import java.io.PrintWriter;
import java.io.StringWriter;

/** Runs {@link Main#execute} in-process and captures its output. */
final class CliRunner {

    private CliRunner() {
    }

    /** Runs the command line. */
    static Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.execute(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Result(code, out.toString(), err.toString());
    }

    /**
     * Exit code and captured streams.
     *
     * @param code exit code
     * @param out standard output
     * @param err standard error
     */
    record Result(int code, String out, String err) {
    }
}
