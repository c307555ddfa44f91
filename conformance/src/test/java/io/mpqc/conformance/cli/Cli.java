package io.mpqc.conformance.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import picocli.CommandLine;

/** Runs {@code mpqc} in-process with captured output, as the tests' stand-in for a shell. */
final class Cli {
    private Cli() {
    }

    /** What one invocation did. */
    record Outcome(int exitCode, String out, String err) {
        List<String> outLines() {
            return out.lines().toList();
        }

        List<String> errLines() {
            return err.lines().toList();
        }
    }

    static Outcome run(String... args) {
        return run(Map.of(), cl -> { }, args);
    }

    static Outcome run(Map<String, String> env, Consumer<CommandLine> customize, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        PrintWriter o = new PrintWriter(out, true);
        PrintWriter e = new PrintWriter(err, true);
        CommandLine cl = Main.newCommandLine(o, e, env);
        customize.accept(cl);
        cl.setOut(o); // again, for subcommands a test added
        cl.setErr(e);
        int code = cl.execute(args);
        o.flush();
        e.flush();
        return new Outcome(code, out.toString(), err.toString());
    }
}
