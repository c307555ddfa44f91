package io.mpqc.conformance.run;

import io.mpqc.conformance.cases.Verdict;
import java.io.PrintWriter;

/**
 * Progress of a run on the console: a bar redrawn in place on a terminal, plain lines otherwise (CI
 * logs). Every FAIL and ERROR is printed as its own line in both modes, as soon as it is known.
 */
public final class ConsoleProgress implements ProgressListener {
    private static final int WIDTH = 30;

    private final PrintWriter out;
    private final boolean terminal;
    private final boolean verbose;
    private int failures;

    public ConsoleProgress(PrintWriter out, boolean terminal, boolean verbose) {
        this.out = out;
        this.terminal = terminal;
        this.verbose = verbose;
    }

    @Override
    public void started(int total) {
        out.println("running " + total + " cases");
        out.flush();
    }

    @Override
    public void caseFinished(CaseResult r, int done, int total) {
        boolean bad = r.verdict() == Verdict.FAIL || r.verdict() == Verdict.ERROR;
        if (bad) {
            failures++;
        }
        if (terminal) {
            out.print("\r\033[K");
            if (bad || verbose) {
                out.println(line(r));
            }
            int filled = total == 0 ? WIDTH : done * WIDTH / total;
            out.print("[" + "#".repeat(filled) + " ".repeat(WIDTH - filled) + "] " + done + "/" + total
                    + (failures > 0 ? "  " + failures + " failing" : ""));
        } else if (bad || verbose || done % 50 == 0 || done == total) {
            out.println(bad || verbose ? line(r) : "progress: " + done + "/" + total);
        }
        out.flush();
    }

    @Override
    public void finished(RunResult run) {
        if (terminal) {
            out.print("\r\033[K");
        }
        out.flush();
    }

    static String line(CaseResult r) {
        String s = String.format("%-11s %s", r.verdict(), r.id());
        if (r.verdict() != Verdict.PASS) {
            s += "\n            expected: " + r.expected() + "\n            observed: " + r.observed();
        }
        return s;
    }
}
