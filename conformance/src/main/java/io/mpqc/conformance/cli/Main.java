package io.mpqc.conformance.cli;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * The {@code mpqc} command: the entry point of the shaded jar and of the {@code ./mpqc} launcher.
 *
 * <p>Error handling is the same for every subcommand: a command-line mistake prints one line plus a
 * hint and exits 2; a {@link CliException} prints its one line and exits with its code; anything else
 * is an internal error: one line, exit 3, and the stack trace only when {@code MPQC_DEBUG=1}.
 */
@Command(name = "mpqc", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {
            "Multipath QUIC (draft-ietf-quic-multipath) conformance and fuzzing suite.",
            "",
            "'mpqc run' runs every conformance case against the built-in reference (or --target) and writes "
                    + "HTML, JSON, JUnit XML and Allure reports into reports/.",
        },
        subcommands = {RunCommand.class, DecodeCommand.class, ShimCommand.class, FuzzCommand.class, SimCommand.class,
            CommandLine.HelpCommand.class},
        footer = {"", "Set MPQC_DEBUG=1 to see stack traces of internal errors."})
public final class Main implements Callable<Integer> {

    /** The environment variable that turns on stack traces for internal errors. */
    public static final String DEBUG_ENV = "MPQC_DEBUG";

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        err.println("mpqc: missing command");
        spec.commandLine().usage(err);
        return ExitCodes.USAGE;
    }

    public static void main(String[] args) {
        PrintWriter out = new PrintWriter(System.out, true);
        PrintWriter err = new PrintWriter(System.err, true);
        int code;
        try {
            code = execute(args, out, err, System.getenv());
        } catch (Throwable t) { // last resort: errors picocli does not catch (e.g. OutOfMemoryError)
            err.println("mpqc: internal error: " + t);
            if ("1".equals(System.getenv(DEBUG_ENV))) {
                t.printStackTrace(err);
            }
            code = ExitCodes.ERROR;
        }
        out.flush();
        err.flush();
        System.exit(code);
    }

    /** Runs {@code mpqc args} with the given streams and environment; returns the exit code. */
    public static int execute(String[] args, PrintWriter out, PrintWriter err, Map<String, String> env) {
        int code = newCommandLine(out, err, env).execute(args);
        out.flush();
        err.flush();
        return code;
    }

    /** The configured command line: streams, exit codes, error handlers (tests may add subcommands). */
    public static CommandLine newCommandLine(PrintWriter out, PrintWriter err, Map<String, String> env) {
        boolean debug = "1".equals(env.get(DEBUG_ENV));
        CommandLine cl = new CommandLine(new Main());
        cl.setOut(out);
        cl.setErr(err);
        cl.setParameterExceptionHandler((ex, args) -> {
            CommandLine failed = ex.getCommandLine();
            PrintWriter e = failed.getErr();
            String name = failed.getCommandSpec().qualifiedName();
            e.println(name + ": " + ex.getMessage());
            CommandLine.UnmatchedArgumentException.printSuggestions(ex, e);
            e.println("Try '" + name + " --help' for more information.");
            if (debug) {
                ex.printStackTrace(e);
            }
            return ExitCodes.USAGE;
        });
        cl.setExecutionExceptionHandler((ex, failed, parseResult) -> {
            PrintWriter e = failed.getErr();
            if (ex instanceof CliException ce) {
                e.println("mpqc: " + ce.getMessage());
                if (debug) {
                    ex.printStackTrace(e);
                }
                return ce.exitCode();
            }
            e.println("mpqc: internal error: " + ex
                    + (debug ? "" : " (run with " + DEBUG_ENV + "=1 for the stack trace)"));
            if (debug) {
                ex.printStackTrace(e);
            }
            return ExitCodes.ERROR;
        });
        addExitCodeHelp(cl);
        return cl;
    }

    private static void addExitCodeHelp(CommandLine cl) {
        Map<String, String> codes = new LinkedHashMap<>();
        for (String line : ExitCodes.HELP_LIST) {
            int colon = line.indexOf(':');
            codes.put("  " + line.substring(0, colon), line.substring(colon + 1));
        }
        cl.getCommandSpec().usageMessage().exitCodeListHeading("%nExit codes:%n").exitCodeList(codes);
        for (CommandLine sub : cl.getSubcommands().values()) {
            if (!(sub.getCommand() instanceof CommandLine.HelpCommand)) {
                addExitCodeHelp(sub);
            }
        }
    }
}
