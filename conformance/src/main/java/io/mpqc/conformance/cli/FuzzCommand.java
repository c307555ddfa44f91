package io.mpqc.conformance.cli;

import io.mpqc.conformance.target.Target;
import io.mpqc.conformance.target.TargetException;
import io.mpqc.conformance.target.Targets;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code mpqc fuzz}: runs a coverage-guided campaign of one fuzz target of the {@code fuzz} module with the
 * Jazzer standalone driver, as child processes (the CLI cannot depend on the fuzz module, which depends on
 * this one). The targets jar and Jazzer's classpath are built once with Maven into
 * {@code fuzz/target/fuzz-cli/} and rebuilt when sources change. The corpus lives in {@code corpus/<target>/}:
 * new inputs go to {@code generated/} (not committed), {@code seeds/} and {@code regressions/} are read,
 * crashes go to {@code findings/} with a minimised copy. libFuzzer's status lines become one progress line;
 * Ctrl-C stops the children cleanly (SIGINT), keeping the corpus.
 */
@Command(name = "fuzz", mixinStandardHelpOptions = true,
        description = {
            "Run a coverage-guided fuzzing campaign (Jazzer) on one target of the fuzz module.",
            "",
            "The corpus is corpus/<target>/: seeds/ and regressions/ are read, new inputs go to generated/,",
            "crashes to findings/ (with a minimised copy). Ctrl-C stops cleanly and keeps the corpus.",
            "Exit code 1 when the campaign found something.",
            "",
        })
final class FuzzCommand implements java.util.concurrent.Callable<Integer> {

    /** A target of the fuzz module: name (= class simple name = corpus directory) and description. */
    record FuzzTarget(String name, String description) {
        String className() {
            return "io.mpqc.fuzz." + name;
        }

        /** The short form users may type: frame-decoder for FrameDecoderFuzzer. */
        String alias() {
            String base = name.endsWith("Fuzzer") ? name.substring(0, name.length() - "Fuzzer".length()) : name;
            return base.replaceAll("([a-z])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
        }
    }

    /** Kept equal to io.mpqc.fuzz.FuzzTargets by a test of the fuzz module. */
    static final List<FuzzTarget> TARGETS = List.of(
            new FuzzTarget("FrameDecoderFuzzer",
                    "frame decoder, every dialect: frames or a transport error, canonical re-encoding round-trips"),
            new FuzzTarget("TransportParametersFuzzer",
                    "transport parameters decoder, every dialect and role: accept or TRANSPORT_PARAMETER_ERROR, round trip"),
            new FuzzTarget("ConnectionCoreFuzzer",
                    "connection core driven by a fuzzed peer, commands and clock; path/CID/close invariants after every step"),
            new FuzzTarget("SchedulerFuzzer",
                    "packet schedulers on fuzzed path sets: never a path that cannot send, no exception"),
            new FuzzTarget("DifferentialFuzzer",
                    "the same session through the reference and MPQC_AGAINST (default reference:draft-18), compared"),
            new FuzzTarget("TrivialCopyFuzzer", "copies its input: the speed baseline of docs/benchmarks.md"));

    /** Where the fuzz module is built for this command, relative to the repository root. */
    static final String BUILD_DIR = "target/fuzz-cli";
    static final String TARGETS_JAR = "fuzz/" + BUILD_DIR + "/mpqc-fuzz-targets.jar";
    static final String JAZZER_CLASSPATH = "fuzz/" + BUILD_DIR + "/jazzer-classpath.txt";
    /** libFuzzer's timeout per input, in seconds: an input slower than this is a finding. */
    static final int INPUT_TIMEOUT_SECONDS = 25;

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", arity = "0..1", paramLabel = "TARGET",
            description = "The target (see --list), by name or short form, e.g. FrameDecoderFuzzer or frame-decoder.")
    String target;

    @Option(names = "--list", description = "List the fuzz targets and exit.")
    boolean list;

    @Option(names = "--duration", paramLabel = "D", converter = DurationConverter.class, defaultValue = "10m",
            description = "How long to fuzz (default: ${DEFAULT-VALUE}; e.g. 30s, 10m, 2h).")
    Duration duration;

    @Option(names = "--jobs", paramLabel = "N", defaultValue = "1",
            description = "Fuzzing processes sharing the corpus (default: ${DEFAULT-VALUE}).")
    int jobs;

    @Option(names = "--against", paramLabel = "URI",
            description = "DifferentialFuzzer only: the target to compare with the reference (default reference:draft-18).")
    String against;

    @Option(names = "--replay", paramLabel = "FILE",
            description = "Run the target once on FILE (a finding, say) instead of fuzzing; exit 1 if it fails.")
    Path replay;

    @Option(names = "--root", paramLabel = "DIR", hidden = true,
            description = "The repository root (default: found from the CLI jar, MPQC_HOME, or the current directory).")
    Path root;

    @Option(names = "--no-build", hidden = true, description = "Use the targets jar as it is (tests).")
    boolean noBuild;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (list) {
            for (FuzzTarget t : TARGETS) {
                out.printf("%-26s %s%n", t.name(), t.description());
            }
            out.println();
            out.println("short forms: " + String.join(", ", TARGETS.stream().map(FuzzTarget::alias).toList()));
            return ExitCodes.OK;
        }
        if (target == null) {
            throw CliException.usage("fuzz: which target? (mpqc fuzz --list shows them)");
        }
        FuzzTarget t = resolve(target);
        if (jobs < 1 || jobs > 64) {
            throw CliException.usage("fuzz: --jobs must be 1..64: " + jobs);
        }
        if (duration.isZero() || duration.isNegative()) {
            throw CliException.usage("fuzz: --duration must be positive");
        }
        if (against != null) {
            if (!t.name().equals("DifferentialFuzzer")) {
                throw CliException.usage("fuzz: --against only applies to DifferentialFuzzer");
            }
            checkAgainst(against);
        }
        if (replay != null && !Files.isRegularFile(replay)) {
            throw CliException.usage("fuzz: no such file: " + replay);
        }
        Path repo = repositoryRoot();
        String classpath = classpath(repo, err);
        Path corpus = repo.resolve("corpus").resolve(t.name());
        Campaign c = new Campaign(t, repo, corpus, classpath, out, err);
        return replay != null ? c.replay(replay.toAbsolutePath()) : c.run();
    }

    /** The target named by {@code name} (class name or short form, any case); a usage error otherwise. */
    static FuzzTarget resolve(String name) {
        for (FuzzTarget t : TARGETS) {
            if (t.name().equalsIgnoreCase(name) || t.alias().equalsIgnoreCase(name)
                    || (t.name() + "").equalsIgnoreCase(name + "Fuzzer")) {
                return t;
            }
        }
        throw CliException.usage("fuzz: unknown target '" + name + "' (mpqc fuzz --list shows them)");
    }

    private static void checkAgainst(String uri) {
        try (Target t = Targets.open(uri)) {
            if (!t.capabilities().endpoint() && !t.capabilities().codec()) {
                throw CliException.usage("fuzz: " + uri + " can be driven neither at endpoint nor at codec level");
            }
        } catch (IllegalArgumentException e) {
            throw CliException.usage("fuzz: " + e.getMessage());
        } catch (TargetException e) {
            throw CliException.io("fuzz: cannot open " + uri + ": " + e.getMessage(), e);
        }
    }

    // ---- repository and classpath ----

    private Path repositoryRoot() {
        List<Path> candidates = new ArrayList<>();
        if (root != null) {
            candidates.add(root);
        }
        String home = System.getenv("MPQC_HOME");
        if (home != null && !home.isBlank()) {
            candidates.add(Path.of(home));
        }
        try {
            // conformance/target/mpqc.jar or conformance/target/classes -> the repository root
            Path code = Path.of(FuzzCommand.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            for (Path p = code; p != null; p = p.getParent()) {
                candidates.add(p);
            }
        } catch (URISyntaxException | SecurityException | NullPointerException e) {
            // fall through to the working directory
        }
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            candidates.add(p);
        }
        for (Path c : candidates) {
            if (Files.isRegularFile(c.resolve("fuzz/pom.xml")) && Files.isRegularFile(c.resolve("pom.xml"))) {
                return c.toAbsolutePath().normalize();
            }
        }
        throw CliException.io("fuzz: cannot find the mpqc repository (with fuzz/pom.xml); set MPQC_HOME", null);
    }

    /** The child's classpath, building the fuzz module first when its jar is missing or older than a source. */
    private String classpath(Path repo, PrintWriter err) {
        Path jar = repo.resolve(TARGETS_JAR);
        Path jazzer = repo.resolve(JAZZER_CLASSPATH);
        if (!noBuild && (stale(repo, jar) || !Files.isRegularFile(jazzer))) {
            build(repo, err);
        }
        if (!Files.isRegularFile(jar) || !Files.isRegularFile(jazzer)) {
            throw CliException.io("fuzz: " + jar + " or " + jazzer + " is missing", null);
        }
        try {
            return jar + java.io.File.pathSeparator + Files.readString(jazzer).trim();
        } catch (IOException e) {
            throw CliException.io("fuzz: cannot read " + jazzer + ": " + e.getMessage(), e);
        }
    }

    static boolean stale(Path repo, Path jar) {
        if (!Files.isRegularFile(jar)) {
            return true;
        }
        try {
            long built = Files.getLastModifiedTime(jar).toMillis();
            List<Path> roots = List.of(repo.resolve("pom.xml"), repo.resolve("reference-impl/pom.xml"),
                    repo.resolve("conformance/pom.xml"), repo.resolve("fuzz/pom.xml"),
                    repo.resolve("reference-impl/src/main"), repo.resolve("conformance/src/main"),
                    repo.resolve("fuzz/src/main"));
            for (Path r : roots) {
                if (!Files.exists(r)) {
                    continue;
                }
                try (Stream<Path> s = Files.walk(r)) {
                    if (s.anyMatch(p -> {
                        try {
                            return Files.getLastModifiedTime(p).toMillis() > built;
                        } catch (IOException e) {
                            return true;
                        }
                    })) {
                        return true;
                    }
                }
            }
            return false;
        } catch (IOException e) {
            return true;
        }
    }

    private static void build(Path repo, PrintWriter err) {
        err.println("mpqc fuzz: building the fuzz targets (first run or sources changed)...");
        err.flush();
        try {
            Path log = Files.createTempFile("mpqc-fuzz-build", ".log");
            Process p = new ProcessBuilder("mvn", "-q", "-B", "-Dmpqc.buildDir=" + BUILD_DIR,
                    "-Dmaven.test.skip=true", "-pl", "fuzz", "-am", "package")
                    .directory(repo.toFile()).redirectErrorStream(true).redirectOutput(log.toFile()).start();
            int code = p.waitFor();
            if (code != 0) {
                List<String> lines = Files.readAllLines(log);
                err.println("mpqc fuzz: the build failed; the last 40 lines of the Maven log (" + log + "):");
                lines.subList(Math.max(0, lines.size() - 40), lines.size())
                        .forEach(l -> err.println(l.replaceAll("\u001b\\[[0-9;]*m", "")));
                throw CliException.io("fuzz: building the fuzz module failed", null);
            }
            Files.deleteIfExists(log);
        } catch (IOException e) {
            throw CliException.io("fuzz: cannot run mvn: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw CliException.io("fuzz: interrupted while building", e);
        }
    }

    // ---- progress ----

    /** One libFuzzer status line: {@code #N EVENT cov: C ft: F corp: K/S exec/s: E ...}. */
    record Progress(long executions, String event, long coverage, long features, long corpus, long execPerSec) {
    }

    private static final Pattern STATUS = Pattern.compile(
            "^#(\\d+)\\s+(\\w+)\\s+(?:cov: (\\d+)\\s+)?(?:ft: (\\d+)\\s+)?(?:corp: (\\d+)/\\S+\\s+)?.*?exec/s: (\\d+)");
    private static final Pattern WRITTEN = Pattern.compile("Test unit written to (\\S+)");

    /** The status in a libFuzzer stderr line, or null; unknown fields are -1. */
    static Progress parseProgress(String line) {
        Matcher m = STATUS.matcher(line);
        if (!m.find()) {
            return null;
        }
        return new Progress(Long.parseLong(m.group(1)), m.group(2), num(m.group(3)), num(m.group(4)),
                num(m.group(5)), Long.parseLong(m.group(6)));
    }

    private static long num(String s) {
        return s == null ? -1 : Long.parseLong(s);
    }

    /** The crash (or timeout, oom, leak) file a libFuzzer line reports, or null. */
    static String parseFinding(String line) {
        Matcher m = WRITTEN.matcher(line);
        if (!m.find()) {
            return null;
        }
        String file = m.group(1);
        String name = Path.of(file).getFileName().toString();
        return name.startsWith("crash-") || name.startsWith("timeout-") || name.startsWith("oom-")
                || name.startsWith("leak-") ? file : null;
    }

    /** The one-line status of a campaign. */
    static String statusLine(String target, Duration elapsed, List<Progress> perJob, int findings) {
        long execs = 0;
        long rate = 0;
        long cov = -1;
        long ft = -1;
        long corp = -1;
        for (Progress p : perJob) {
            if (p == null) {
                continue;
            }
            execs += p.executions();
            rate += p.execPerSec();
            cov = Math.max(cov, p.coverage());
            ft = Math.max(ft, p.features());
            corp = Math.max(corp, p.corpus());
        }
        long s = elapsed.toSeconds();
        if (corp < 0 && execs == 0) {
            return String.format("%s  %d:%02d:%02d  starting (JVM, instrumentation, loading the corpus)...", target,
                    s / 3600, (s / 60) % 60, s % 60);
        }
        return String.format("%s  %d:%02d:%02d  execs %d  exec/s %d  corpus %s  cov %s  ft %s  findings %d", target,
                s / 3600, (s / 60) % 60, s % 60, execs, rate, corp < 0 ? "-" : corp, cov < 0 ? "-" : cov,
                ft < 0 ? "-" : ft, findings);
    }

    // ---- the campaign ----

    private final class Campaign {
        private final FuzzTarget t;
        private final Path repo;
        private final Path corpus;
        private final String classpath;
        private final PrintWriter out;
        private final PrintWriter err;

        Campaign(FuzzTarget t, Path repo, Path corpus, String classpath, PrintWriter out, PrintWriter err) {
            this.t = t;
            this.repo = repo;
            this.corpus = corpus;
            this.classpath = classpath;
            this.out = out;
            this.err = err;
        }

        private List<String> jazzer(List<String> libFuzzerArgs) {
            List<String> cmd = new ArrayList<>();
            cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
            cmd.add("-Xmx1g");
            if (Runtime.version().feature() >= 21) {
                cmd.add("-XX:+EnableDynamicAgentLoading");
                cmd.add("--enable-native-access=ALL-UNNAMED");
            }
            cmd.add("-cp");
            cmd.add(classpath);
            cmd.add("com.code_intelligence.jazzer.Jazzer");
            cmd.addAll(jazzerOptions(t, corpus));
            cmd.addAll(libFuzzerArgs);
            return cmd;
        }

        private ProcessBuilder builder(List<String> cmd) {
            ProcessBuilder pb = new ProcessBuilder(cmd).directory(repo.toFile()).redirectErrorStream(true);
            if (against != null) {
                pb.environment().put("MPQC_AGAINST", against);
            }
            return pb;
        }

        int replay(Path file) throws IOException, InterruptedException {
            List<String> cmd = jazzer(List.of(file.toString()));
            out.println("replaying " + file + " through " + t.name());
            Process p = builder(cmd).start();
            try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = r.readLine()) != null) {
                    if (!line.startsWith("INFO:")) {
                        out.println(line);
                    }
                }
            }
            int code = p.waitFor();
            out.println(code == 0 ? "no finding: the input passes" : "the input fails (driver exit code " + code + ")");
            return code == 0 ? ExitCodes.OK : ExitCodes.FAILURES;
        }

        int run() throws IOException, InterruptedException {
            Path generated = corpus.resolve("generated");
            Path findings = corpus.resolve("findings");
            Path logs = repo.resolve("fuzz").resolve(BUILD_DIR).resolve("logs");
            Files.createDirectories(generated);
            Files.createDirectories(findings);
            Files.createDirectories(corpus.resolve("seeds"));
            Files.createDirectories(corpus.resolve("regressions"));
            Files.createDirectories(logs);
            String stamp = java.time.format.DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")
                    .format(java.time.LocalDateTime.now());
            List<String> args = campaignArgs(t, corpus, duration);
            out.println("fuzzing " + t.name() + " for " + human(duration) + (jobs > 1 ? " with " + jobs + " jobs" : "")
                    + (against != null ? " against " + against : "") + "; corpus " + repo.relativize(corpus)
                    + "/generated; Ctrl-C stops and keeps the corpus");
            out.flush();
            List<Process> children = new ArrayList<>();
            List<Progress> progress = new ArrayList<>();
            List<String> found = java.util.Collections.synchronizedList(new ArrayList<>());
            List<Thread> readers = new ArrayList<>();
            CountDownLatch finished = new CountDownLatch(1);
            boolean[] interrupted = {false};
            Thread hook = new Thread(() -> {
                interrupted[0] = true;
                for (Process p : children) {
                    signal(p, "INT");
                }
                for (Process p : children) {
                    try {
                        if (!p.waitFor(20, TimeUnit.SECONDS)) {
                            p.destroyForcibly();
                        }
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
                try {
                    finished.await(30, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }, "mpqc-fuzz-sigint");
            Runtime.getRuntime().addShutdownHook(hook);
            long start = System.nanoTime();
            try {
                for (int j = 0; j < jobs; j++) {
                    Path log = logs.resolve(t.name() + "-" + stamp + "-job" + j + ".log");
                    Process p = builder(jazzer(args)).start();
                    children.add(p);
                    progress.add(null);
                    int job = j;
                    Thread reader = new Thread(() -> readChild(p, job, log, progress, found), "mpqc-fuzz-job" + j);
                    reader.setDaemon(true);
                    reader.start();
                    readers.add(reader);
                }
                boolean tty = System.console() != null;
                long lastPrint = 0;
                while (children.stream().anyMatch(Process::isAlive)) {
                    Thread.sleep(200);
                    long now = System.nanoTime();
                    if (now - lastPrint >= (tty ? 1_000_000_000L : 10_000_000_000L)) {
                        lastPrint = now;
                        String line = statusLine(t.name(), Duration.ofNanos(now - start), snapshot(progress), found.size());
                        if (tty) {
                            out.print("\r" + line + "   ");
                        } else {
                            out.println(line);
                        }
                        out.flush();
                    }
                }
                for (Thread r : readers) {
                    r.join(5_000);
                }
                out.println((System.console() != null ? "\r" : "")
                        + statusLine(t.name(), Duration.ofNanos(System.nanoTime() - start), snapshot(progress), found.size()));
                int exit = 0;
                for (Process p : children) {
                    exit = Math.max(exit, p.exitValue());
                }
                if (interrupted[0]) {
                    out.println("stopped (Ctrl-C); the corpus is kept in " + repo.relativize(generated));
                }
                List<String> crashes;
                synchronized (found) {
                    crashes = List.copyOf(found);
                }
                if (crashes.isEmpty()) {
                    if (exit != 0 && !interrupted[0]) {
                        err.println("mpqc fuzz: the driver exited with code " + exit + " without a finding; see " + logs);
                        return ExitCodes.ERROR;
                    }
                    out.println("no findings; corpus: " + count(generated) + " generated inputs in "
                            + repo.relativize(generated));
                    return ExitCodes.OK;
                }
                out.println(crashes.size() + " finding(s):");
                for (String c : crashes) {
                    Path crash = repo.resolve(c);
                    Path min = interrupted[0] ? null : minimise(crash);
                    out.println("  " + repo.relativize(crash) + (min != null ? "  (minimised: " + repo.relativize(min) + ")" : ""));
                    out.println("    replay: ./mpqc fuzz " + t.name() + " --replay " + repo.relativize(min != null ? min : crash));
                }
                out.println("once fixed, copy the input to " + repo.relativize(corpus.resolve("regressions"))
                        + "/ so that mvn verify replays it");
                return ExitCodes.FAILURES;
            } finally {
                finished.countDown();
                if (!interrupted[0]) {
                    try {
                        Runtime.getRuntime().removeShutdownHook(hook);
                    } catch (IllegalStateException e) {
                        // shutting down already
                    }
                }
            }
        }

        private void readChild(Process p, int job, Path log, List<Progress> progress, List<String> found) {
            boolean echo = false;
            try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
                    PrintWriter logOut = new PrintWriter(Files.newBufferedWriter(log, StandardCharsets.UTF_8))) {
                String line;
                while ((line = r.readLine()) != null) {
                    logOut.println(line);
                    Progress pr = parseProgress(line);
                    if (pr != null) {
                        synchronized (progress) {
                            progress.set(job, pr);
                        }
                        continue;
                    }
                    if (line.startsWith("== Java Exception") || line.contains("ERROR: libFuzzer")) {
                        echo = true;
                    }
                    if (echo) {
                        synchronized (out) {
                            out.println((System.console() != null ? "\r" : "") + "[job " + job + "] " + line);
                            out.flush();
                        }
                        if (line.startsWith("DEDUP_TOKEN") || line.startsWith("SUMMARY")) {
                            echo = false;
                        }
                    }
                    String crash = parseFinding(line);
                    if (crash != null) {
                        found.add(crash);
                    }
                }
            } catch (IOException e) {
                synchronized (out) {
                    out.println("[job " + job + "] output lost: " + e.getMessage());
                }
            }
        }

        /** libFuzzer's -minimize_crash, bounded in time; the minimised input or null. */
        private Path minimise(Path crash) {
            Path min = crash.resolveSibling("minimized-" + crash.getFileName());
            List<String> cmd = new ArrayList<>(jazzer(List.of("-minimize_crash=1", "-max_total_time=60",
                    "-exact_artifact_path=" + min, crash.toString())));
            cmd.removeIf(a -> a.startsWith("--keep_going"));
            try {
                out.println("minimising " + repo.relativize(crash) + " ...");
                out.flush();
                Process p = builder(cmd).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
                if (!p.waitFor(120, TimeUnit.SECONDS)) {
                    p.destroyForcibly();
                }
            } catch (IOException e) {
                return null;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return null;
            }
            return Files.isRegularFile(min) ? min : null;
        }
    }

    /**
     * The Jazzer options of every run of {@code t} (replays and campaigns alike). fuzz/bench-speed.sh measures
     * targets with the same instrumentation options; keep the two in step.
     */
    static List<String> jazzerOptions(FuzzTarget t, Path corpus) {
        Path findings = corpus.resolve("findings");
        return List.of("--target_class=" + t.className(),
                // Coverage of the code under test only: the fuzz harness itself is not worth the overhead.
                "--instrumentation_includes=io.mpqc.ref.**:io.mpqc.conformance.**",
                // Jazzer's Unsafe sanitizer breaks Netty's JCTools queues (NullPointerException in a hook).
                "--custom_hook_excludes=io.netty.**",
                "--reproducer_path=" + findings,
                "-artifact_prefix=" + findings + java.io.File.separator);
    }

    /** The libFuzzer arguments of a campaign: time, timeout, keep going after findings, the corpus dirs. */
    static List<String> campaignArgs(FuzzTarget t, Path corpus, Duration duration) {
        return List.of("--keep_going=100", "-max_total_time=" + Math.max(1, duration.toSeconds()),
                "-timeout=" + INPUT_TIMEOUT_SECONDS, "-print_final_stats=1",
                corpus.resolve("generated").toString(), corpus.resolve("seeds").toString(),
                corpus.resolve("regressions").toString());
    }

    private static List<Progress> snapshot(List<Progress> progress) {
        synchronized (progress) {
            return new ArrayList<>(progress);
        }
    }

    private static void signal(Process p, String signal) {
        if (!p.isAlive()) {
            return;
        }
        try {
            new ProcessBuilder("kill", "-" + signal, Long.toString(p.pid())).start().waitFor(5, TimeUnit.SECONDS);
        } catch (IOException e) {
            p.destroy();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static long count(Path dir) {
        try (Stream<Path> s = Files.list(dir)) {
            return s.count();
        } catch (IOException e) {
            return -1;
        }
    }

    private static String human(Duration d) {
        long s = d.toSeconds();
        return s % 3600 == 0 ? s / 3600 + "h" : s % 60 == 0 ? s / 60 + "m" : s + "s";
    }
}
