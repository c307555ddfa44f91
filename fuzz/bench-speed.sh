#!/usr/bin/env bash
# Fuzz target speed against the TrivialCopyFuzzer yardstick (docs/benchmarks.md, "Fuzz target speed").
#
# usage: fuzz/bench-speed.sh LABEL SECONDS [TARGET] [-- extra Jazzer/libFuzzer args for both targets]
#   TARGET defaults to FrameDecoderFuzzer.
# env:  OUT          results directory (default /tmp/mpqc-fuzz-speed); OUT/LABEL/<target>/{log,cpu}
#       JARS         directory holding mpqc-fuzz-targets.jar, jazzer-<v>.jar and jazzer-api-<v>.jar
#                    (default: a snapshot of fuzz/target/ and the jars named in fuzz/target/jazzer-classpath.txt,
#                    copied so that a rebuild during the run cannot change what runs)
#       SEED_CORPUS  a directory copied into both corpora first (default: empty corpora)
#       JVM_ARGS     extra JVM options for both JVMs
#       INCLUDES, HOOK_EXCLUDES   override --instrumentation_includes / --custom_hook_excludes for both targets
#                    (diagnostics only: the default is the campaign configuration)
#       PERF=S       also `perf record -g` both JVMs for S seconds from the middle of the run (both JVMs then
#                    run with -XX:+PreserveFramePointer)
#
# Both targets run at the same time, so that they share whatever load the machine has, with exactly the same
# Jazzer options as `mpqc fuzz` (FuzzCommand.jazzerOptions), the same -seed and the same extra arguments. The
# reported rate is the steady state over one window for both: it starts at the trivial target's first status
# line after 30% of the run (that target only prints power-of-two pulses; if that pulse leaves less than a
# quarter of the run, the last pulse before) and at the other target's first status line from then on, and ends
# at each one's DONE. JVM start-up and class instrumentation are left out. Each JVM's CPU time (all threads,
# from /proc) is sampled every second, so that the same window also gives executions per CPU second: on a
# shared machine that figure moves less with the load than the wall-clock rate.
set -euo pipefail

usage() { sed -n '4,16p' "$0" | sed 's/^# \{0,1\}//' >&2; exit 2; }
[[ $# -ge 2 ]] || usage
LABEL=$1 SECONDS_=$2; shift 2
TARGET=FrameDecoderFuzzer
if [[ $# -gt 0 && $1 != -- ]]; then TARGET=$1; shift; fi
[[ $# -gt 0 && $1 == -- ]] && shift
EXTRA=("$@")

ROOT="$(cd -- "$(dirname -- "${BASH_SOURCE[0]}")/.." && pwd -P)"
OUT=${OUT:-/tmp/mpqc-fuzz-speed}
RUN=$OUT/$LABEL
rm -rf "$RUN"; mkdir -p "$RUN"

if [[ -z ${JARS:-} ]]; then
    JARS=$RUN/jars; mkdir -p "$JARS"
    [[ -f $ROOT/fuzz/target/mpqc-fuzz-targets.jar ]] || { echo "build first: mvn -q -B -Dmaven.test.skip=true -pl fuzz -am package" >&2; exit 3; }
    cp "$ROOT/fuzz/target/mpqc-fuzz-targets.jar" "$JARS/"
    tr ':' '\n' < "$ROOT/fuzz/target/jazzer-classpath.txt" | xargs -I{} cp {} "$JARS/"
fi
CP=$(ls "$JARS"/*.jar | tr '\n' ':')
# As FuzzCommand: Jazzer attaches its agent at run time, which Java 21 and later only allow when asked.
JAVA_FEATURE=$(java -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p')
VM_OPTS=(-Xmx1g)
if [[ ${JAVA_FEATURE%%.*} -ge 21 ]]; then VM_OPTS+=(-XX:+EnableDynamicAgentLoading --enable-native-access=ALL-UNNAMED); fi

# The options of FuzzCommand.jazzerOptions (keep in step): coverage for the code under test, no hooks in Netty.
jazzer_opts() {
    echo "--target_class=io.mpqc.fuzz.$1"
    echo "--instrumentation_includes=${INCLUDES:-io.mpqc.ref.**:io.mpqc.conformance.**}"
    echo "--custom_hook_excludes=${HOOK_EXCLUDES:-io.netty.**}"
    echo "--reproducer_path=$2"
    echo "-artifact_prefix=$2/"
}

{ echo "date: $(date -u +%FT%TZ)"; echo "uptime at start: $(uptime)"; echo "java: $(java -version 2>&1 | head -1)";
  echo "jars: $(ls "$JARS")"; echo "extra args: ${EXTRA[*]:-}";
  echo "env: JVM_ARGS=${JVM_ARGS:-} INCLUDES=${INCLUDES:-} HOOK_EXCLUDES=${HOOK_EXCLUDES:-} SEED_CORPUS=${SEED_CORPUS:-}"; } > "$RUN/info"

PIDS=()
for T in TrivialCopyFuzzer "$TARGET"; do
    D=$RUN/$T; mkdir -p "$D/corpus"
    if [[ -n ${SEED_CORPUS:-} ]]; then cp "$SEED_CORPUS"/* "$D/corpus/"; fi
    mapfile -t OPTS < <(jazzer_opts "$T" "$D")
    java ${PERF:+-XX:+PreserveFramePointer} ${JVM_ARGS:-} "${VM_OPTS[@]}" -cp "$CP" com.code_intelligence.jazzer.Jazzer "${OPTS[@]}" \
        -seed=1 -print_final_stats=1 -max_total_time="$SECONDS_" "${EXTRA[@]}" "$D/corpus" \
        > >(perl -MTime::HiRes=time -ne 'BEGIN{$|=1} printf "%.3f %s", time, $_' > "$D/log") 2>&1 &
    PIDS+=($!)
    echo "$!" > "$D/pid"
done

# CPU time of each JVM (utime + stime of all its threads, in clock ticks) once a second.
TICK=$(getconf CLK_TCK)
(
    while kill -0 "${PIDS[@]}" 2>/dev/null; do
        now=$(date +%s.%N)
        for i in 0 1; do
            s=$(cat "/proc/${PIDS[$i]}/stat" 2>/dev/null) || continue
            s=${s##*) }; set -- $s
            echo "$now ${12} ${13}" >> "$RUN/cpu.$i"  # utime, stime
        done
        sleep 1
    done
) &
SAMPLER=$!

if [[ -n ${PERF:-} ]]; then
    sleep $(( SECONDS_ / 2 ))
    perf record -F 999 -g -p "${PIDS[0]},${PIDS[1]}" -o "$RUN/perf.data" -- sleep "$PERF" > "$RUN/perf.log" 2>&1 || true
    for p in "${PIDS[@]}"; do jcmd "$p" Compiler.perfmap > /dev/null 2>&1 || true; done
fi
wait "${PIDS[@]}" || true
sleep 1 # the timestamping perl processes end after the JVMs
kill "$SAMPLER" 2>/dev/null || true
wait "$SAMPLER" 2>/dev/null || true
echo "uptime at end: $(uptime)" >> "$RUN/info"

mv "$RUN/cpu.0" "$RUN/TrivialCopyFuzzer/cpu" 2>/dev/null || true
mv "$RUN/cpu.1" "$RUN/$TARGET/cpu" 2>/dev/null || true
perl -e '
    my ($tick, $target, @files) = @ARGV;
    my %r;
    for my $j (0, 1) {
        my ($log, $cpu) = @files[2 * $j, 2 * $j + 1];
        my (@t, @n, @ct, @cv);
        open L, $log or die; while (<L>) { if (/^(\S+) #(\d+)\s+(?:NEW|REDUCE|pulse|DONE|INITED)\b/) { push @t, $1; push @n, $2 } } close L;
        if (open C, $cpu) { while (<C>) { my ($w, $u, $s) = split; push @ct, $w; push @cv, ($u + $s) / $tick } close C }
        die "$log: no status lines\n" if @t < 2;
        $r{$j} = { t => \@t, n => \@n, ct => \@ct, cv => \@cv };
    }
    # The window: the trivial target prints only at powers of two, so it sets the start (its first pulse after 30%
    # of the run, or the last one before when that leaves less than a quarter of the run); the other target starts
    # at its first status line from then on. Both windows end at DONE.
    my ($tt, $tn) = ($r{0}{t}, $r{0}{n});
    my ($t0, $done) = ($tt->[0], $tt->[-1]);
    my $mark = $t0 + ($done - $t0) * 0.3;
    my ($after) = grep { $tt->[$_] >= $mark } 0 .. $#$tt - 1;
    my ($before) = reverse grep { $tt->[$_] < $mark } 0 .. $#$tt - 1;
    my $k0 = defined $after && ($done - $tt->[$after]) >= ($done - $t0) / 4 ? $after : defined $before ? $before : $after;
    my ($k1) = grep { $r{1}{t}[$_] >= $tt->[$k0] } 0 .. $#{$r{1}{t}} - 1;
    $k1 //= $#{$r{1}{t}} - 1;
    my @names = ("TrivialCopyFuzzer", $target);
    my @rate;
    for my $j (0, 1) {
        my ($t, $n, $ct, $cv) = @{$r{$j}}{qw(t n ct cv)};
        my $k = $j ? $k1 : $k0;
        my $cpu_at = sub { my $w = shift; return undef unless @$ct;
            return $cv->[0] if $w <= $ct->[0];
            for my $i (1 .. $#$ct) { if ($ct->[$i] >= $w) {
                return $cv->[$i-1] + ($cv->[$i] - $cv->[$i-1]) * ($w - $ct->[$i-1]) / ($ct->[$i] - $ct->[$i-1]) } }
            return $cv->[-1] };
        my $execs = $n->[-1] - $n->[$k]; my $wall = $t->[-1] - $t->[$k];
        my ($c0, $c1) = ($cpu_at->($t->[$k]), $cpu_at->($t->[-1]));
        my $cpu_s = defined $c0 ? $c1 - $c0 : 0;
        $rate[$j] = [$execs / $wall, $cpu_s > 0 ? $execs / $cpu_s : 0];
        printf "%-22s %9d exec/s %9s exec/CPU-s  (%d execs in %.0f s, %.1f CPU-s; window +%.0f..+%.0f s of %.0f s; total %d execs)\n",
            $names[$j], $rate[$j][0], $cpu_s > 0 ? sprintf("%d", $rate[$j][1]) : "-", $execs, $wall, $cpu_s,
            $t->[$k] - $t->[0], $t->[-1] - $t->[0], $t->[-1] - $t->[0], $n->[-1];
    }
    printf "ratio %s / TrivialCopyFuzzer: %.1f%% of exec/s, %s of exec per CPU second\n", $target,
        100 * $rate[1][0] / $rate[0][0], $rate[0][1] && $rate[1][1] ? sprintf("%.1f%%", 100 * $rate[1][1] / $rate[0][1]) : "-";
' "$TICK" "$TARGET" "$RUN/TrivialCopyFuzzer/log" "$RUN/TrivialCopyFuzzer/cpu" "$RUN/$TARGET/log" "$RUN/$TARGET/cpu" \
    | tee "$RUN/result"
for T in TrivialCopyFuzzer "$TARGET"; do
    echo "$T: $(grep -E "DONE" "$RUN/$T/log" | tail -1 | cut -d' ' -f2-)"
done
cat "$RUN/info" | grep uptime
