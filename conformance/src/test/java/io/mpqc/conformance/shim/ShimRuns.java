package io.mpqc.conformance.shim;

import io.mpqc.conformance.cases.CaseRegistry;
import io.mpqc.conformance.cases.ConformanceCase;
import io.mpqc.conformance.cases.Verdict;
import io.mpqc.conformance.catalog.Catalog;
import io.mpqc.conformance.run.CaseResult;
import io.mpqc.conformance.run.ProgressListener;
import io.mpqc.conformance.run.RunResult;
import io.mpqc.conformance.run.Runner;
import io.mpqc.conformance.target.Target;
import io.mpqc.ref.frame.Dialect;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What the shim tests share: the suite's cases, runs, and command lines for child JVMs. */
final class ShimRuns {
    static final Catalog CATALOG = Catalog.builtIn();
    static final List<ConformanceCase> ALL = CaseRegistry.builtIn(CATALOG).all();

    private ShimRuns() {
    }

    /** The cases that apply to {@code dialect}. */
    static List<ConformanceCase> casesFor(Dialect dialect) {
        return ALL.stream().filter(c -> c.dialects().contains(dialect)).toList();
    }

    /** The cases with these IDs, in this order. */
    static List<ConformanceCase> cases(String... ids) {
        List<ConformanceCase> out = new ArrayList<>();
        for (String id : ids) {
            out.add(ALL.stream().filter(c -> c.id().equals(id)).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("no case " + id)));
        }
        return out;
    }

    static RunResult run(Target target, Dialect dialect, List<ConformanceCase> cases, Duration caseTimeout,
            int jobs) {
        return new Runner(CATALOG, caseTimeout, jobs).run(cases, target, dialect, ProgressListener.NONE);
    }

    /** Case ID to verdict, in run order. */
    static Map<String, Verdict> verdicts(RunResult run) {
        Map<String, Verdict> m = new LinkedHashMap<>();
        for (CaseResult r : run.results()) {
            m.put(r.id(), r.verdict());
        }
        return m;
    }

    /** The java binary running the tests. */
    static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /**
     * A {@code shim:} command line (as {@link ShimTarget#split} reads it) starting {@code mainClass} with
     * {@code args} in a small JVM with the test classpath.
     */
    static String javaCommand(String mainClass, String... args) {
        StringBuilder sb = new StringBuilder();
        sb.append(quote(java())).append(" -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -Xshare:auto -Xmx128m -cp ")
                .append(quote(System.getProperty("java.class.path"))).append(' ').append(mainClass);
        for (String a : args) {
            sb.append(' ').append(quote(a));
        }
        return sb.toString();
    }

    /** Quotes a word for {@link ShimTarget#split}. */
    static String quote(String word) {
        return word.indexOf('\'') < 0 ? "'" + word + "'" : "\"" + word + "\"";
    }
}
