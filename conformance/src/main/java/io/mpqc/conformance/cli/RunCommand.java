package io.mpqc.conformance.cli;

import io.mpqc.conformance.cases.CaseRegistry;
import io.mpqc.conformance.cases.ConformanceCase;
import io.mpqc.conformance.catalog.Catalog;
import io.mpqc.conformance.catalog.Keyword;
import io.mpqc.conformance.run.Baseline;
import io.mpqc.conformance.run.CaseFilter;
import io.mpqc.conformance.run.ConsoleProgress;
import io.mpqc.conformance.run.RunResult;
import io.mpqc.conformance.run.Runner;
import io.mpqc.conformance.report.ReportDirectory;
import io.mpqc.conformance.report.RunReports;
import io.mpqc.conformance.target.Target;
import io.mpqc.conformance.target.TargetException;
import io.mpqc.conformance.target.Targets;
import io.mpqc.ref.frame.Dialect;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code mpqc run}: the conformance suite against a target, with reports and an optional baseline gate. */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = {
            "Run the conformance suite against a target and write the reports (HTML, JSON, JUnit XML, Allure)",
            "into <report-dir>/<timestamp>/, with <report-dir>/latest pointing at the newest run.",
            "",
            "Without a baseline the exit code is 1 when any case FAILs or ends in ERROR. With --baseline FILE",
            "it is 1 when any verdict differs from the file (regressions, unexpected passes, new cases).",
            "",
        })
final class RunCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--target", paramLabel = "URI", defaultValue = "reference",
            description = "What to test (default: ${DEFAULT-VALUE}); --list-targets names them all.")
    String target;

    @Option(names = "--dialect", paramLabel = "D", converter = DialectConverter.class,
            description = "Multipath dialect: draft-21 (default), draft-18, draft-06.")
    Dialect dialect;

    @Option(names = "--id", paramLabel = "GLOB", description = "Only cases whose ID or requirement matches "
            + "(e.g. 'MP-4.3-*', '*replay*'); repeatable.")
    List<String> ids = new ArrayList<>();

    @Option(names = "--section", paramLabel = "S", description = "Only requirements of this section and its "
            + "subsections (e.g. 4.3); repeatable.")
    List<String> sections = new ArrayList<>();

    @Option(names = "--keyword", paramLabel = "K", description = "Only requirements with this keyword "
            + "(MUST, MUST_NOT, SHOULD, SHOULD_NOT, RECOMMENDED, MAY, DESCRIPTIVE); repeatable.")
    List<String> keywords = new ArrayList<>();

    @Option(names = "--tag", paramLabel = "T", description = "Only cases with this tag (e.g. attack); repeatable.")
    List<String> tags = new ArrayList<>();

    @Option(names = "--list", description = "Show the cases that would run, and exit.")
    boolean list;

    @Option(names = "--list-targets", description = "Show the available targets, and exit.")
    boolean listTargets;

    @Option(names = "--baseline", paramLabel = "FILE", description = "Expected verdicts: fail only on a difference.")
    Path baseline;

    @Option(names = "--write-baseline", paramLabel = "FILE", description = "Write this run's verdicts as a baseline.")
    Path writeBaseline;

    @Option(names = "--timeout", paramLabel = "DURATION", defaultValue = "10s", converter = DurationConverter.class,
            description = "Per-case time limit, e.g. 500ms, 10s, 2m (default: ${DEFAULT-VALUE}).")
    Duration timeout;

    @Option(names = "--fresh", description = "Start a new shim process for every session (shim targets).")
    boolean fresh;

    @Option(names = "--jobs", paramLabel = "N", description = "Cases run in parallel (default: the number of CPUs).")
    Integer jobs;

    @Option(names = "--report-dir", paramLabel = "DIR", defaultValue = "reports",
            description = "Base directory of the reports (default: ${DEFAULT-VALUE}, relative to the current directory).")
    Path reportDir;

    @Option(names = "--no-report", description = "Write no report files.")
    boolean noReport;

    @Option(names = {"-v", "--verbose"}, description = "Print every case's verdict, not only failures.")
    boolean verbose;

    /** Tests replace this to see the progress as a non-terminal. */
    boolean terminal = System.console() != null;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        if (listTargets) {
            Targets.describe().forEach(out::println);
            out.flush();
            return ExitCodes.OK;
        }
        if (jobs != null && jobs < 1) {
            throw CliException.usage("--jobs must be at least 1");
        }
        if (timeout.isZero() || timeout.isNegative()) {
            throw CliException.usage("--timeout must be positive");
        }
        Catalog catalog = Catalog.builtIn();
        CaseFilter filter = new CaseFilter(ids, sections, keywords(), Set.copyOf(tags));
        Baseline expected = readBaseline();
        try (Target t = openTarget()) {
            Dialect d = dialectFor(t);
            List<ConformanceCase> cases = CaseRegistry.builtIn(catalog).all().stream()
                    .filter(c -> c.dialects().contains(d) && filter.matches(c, catalog)).toList();
            if (list) {
                for (ConformanceCase c : cases) {
                    out.printf("%-60s %-11s %s%n", c.id(), catalog.get(c.mainRequirement()).orElseThrow().keyword().text(),
                            c.text());
                }
                out.println(cases.size() + " cases for " + t.name() + " in " + d.id());
                out.flush();
                return ExitCodes.OK;
            }
            if (cases.isEmpty()) {
                throw CliException.usage("no case matches the filters for " + d.id());
            }
            out.println("target " + t.name() + ", dialect " + d.id());
            int n = jobs != null ? jobs : Runtime.getRuntime().availableProcessors();
            RunResult run = new Runner(catalog, timeout, n).run(cases, t, d, new ConsoleProgress(out, terminal, verbose));
            out.println(summary(run));
            writeReports(out, run, catalog);
            int code = run.passed() ? ExitCodes.OK : ExitCodes.FAILURES;
            if (expected != null) {
                List<Baseline.Difference> diffs = expected.compare(run);
                diffs.forEach(diff -> out.println("baseline: " + diff.describe()));
                out.println(diffs.isEmpty() ? "baseline: no difference" : "baseline: " + diffs.size() + " differences");
                code = diffs.isEmpty() ? ExitCodes.OK : ExitCodes.FAILURES;
            }
            out.flush();
            return code;
        }
    }

    private Set<Keyword> keywords() {
        Set<Keyword> set = EnumSet.noneOf(Keyword.class);
        for (String k : keywords) {
            try {
                set.add(CaseFilter.keyword(k));
            } catch (IllegalArgumentException e) {
                throw CliException.usage("unknown keyword '" + k + "' (known: " + java.util.Arrays.stream(Keyword.values())
                        .map(Enum::name).collect(Collectors.joining(", ")) + ")");
            }
        }
        return set;
    }

    private Baseline readBaseline() {
        if (baseline == null) {
            return null;
        }
        try {
            return Baseline.read(baseline);
        } catch (NoSuchFileException e) {
            throw CliException.usage("baseline file not found: " + baseline);
        } catch (IOException e) {
            throw CliException.io("cannot read the baseline: " + ReportDirectory.reason(e), e);
        } catch (IllegalArgumentException e) {
            throw CliException.usage(e.getMessage());
        }
    }

    private Target openTarget() {
        try {
            return Targets.open(target, timeout, fresh);
        } catch (IllegalArgumentException e) {
            throw CliException.usage(e.getMessage());
        } catch (TargetException e) {
            throw CliException.io("cannot start target " + target + ": " + e.getMessage(), e);
        }
    }

    private Dialect dialectFor(Target t) {
        Set<Dialect> spoken = t.capabilities().dialects();
        if (dialect != null) {
            if (!spoken.contains(dialect)) {
                throw CliException.usage("target " + t.name() + " does not speak " + dialect.id() + " (it speaks "
                        + spoken.stream().map(Dialect::id).sorted().collect(Collectors.joining(", ")) + ")");
            }
            return dialect;
        }
        return spoken.contains(Dialect.DEFAULT) ? Dialect.DEFAULT : spoken.iterator().next();
    }

    private void writeReports(PrintWriter out, RunResult run, Catalog catalog) {
        try {
            if (writeBaseline != null) {
                Baseline.write(writeBaseline, run);
                out.println("baseline written: " + writeBaseline);
            }
            if (!noReport) {
                Path dir = RunReports.write(reportDir, run, catalog, VersionProvider.version());
                out.println("report: " + dir.resolve("index.html"));
            }
        } catch (IOException e) {
            throw CliException.io("cannot write the report: " + ReportDirectory.reason(e), e);
        }
    }

    static String summary(RunResult run) {
        var c = run.counts();
        return "summary: " + run.results().size() + " cases: " + c.entrySet().stream()
                .map(e -> e.getValue() + " " + e.getKey()).collect(Collectors.joining(", "))
                + " (" + run.durationMillis() + " ms)";
    }
}
