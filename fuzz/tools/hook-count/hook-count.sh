#!/usr/bin/env bash
# Edge counters and compare hooks per input of a fuzz target, counted on the bytecode Jazzer really runs
# (docs/benchmarks.md, "Fuzz target speed"). A diagnostic: it shows where an instrumented target's per-execution
# cost comes from, and what a change to the code under test does to it.
#
# usage: fuzz/tools/hook-count/hook-count.sh CORPUS_DIR [TARGET] [TOP_SITES]
#   TARGET defaults to FrameDecoderFuzzer; build the fuzz module first (fuzz/target/mpqc-fuzz-targets.jar).
#
# Jazzer loads the target with the campaign options and runs the corpus once (-runs=0), writing every class
# it instrumented (--dump_classes_dir). Those of io.mpqc.ref and io.mpqc.conformance then run again, each
# input once, against stand-ins for Jazzer's CoverageMap and hook callbacks that count instead of calling
# libFuzzer. The harness itself runs from the jar, as Jazzer gives it no coverage or compare hooks.
set -euo pipefail
[[ $# -ge 1 ]] || { sed -n '6,7p' "$0" | sed 's/^# //' >&2; exit 2; }
CORPUS=$(cd "$1" && pwd -P); TARGET=${2:-FrameDecoderFuzzer}; TOP=${3:-20}
HERE="$(cd -- "$(dirname -- "${BASH_SOURCE[0]}")" && pwd -P)"
ROOT="$(cd "$HERE/../../.." && pwd -P)"
JAR=$ROOT/fuzz/target/mpqc-fuzz-targets.jar
[[ -f $JAR ]] || { echo "build first: mvn -q -B -Dmaven.test.skip=true -pl fuzz -am package" >&2; exit 3; }
WORK=$(mktemp -d "${TMPDIR:-/tmp}/hook-count.XXXXXX")
trap 'rm -rf "$WORK"' EXIT

java -Xmx1g -cp "$JAR:$(cat "$ROOT/fuzz/target/jazzer-classpath.txt")" com.code_intelligence.jazzer.Jazzer \
    --target_class="io.mpqc.fuzz.$TARGET" \
    --instrumentation_includes='io.mpqc.ref.**:io.mpqc.conformance.**' --custom_hook_excludes='io.netty.**' \
    --dump_classes_dir="$WORK/dump" --reproducer_path="$WORK" -artifact_prefix="$WORK/" -runs=0 "$CORPUS" \
    > "$WORK/jazzer.log" 2>&1 || { tail -20 "$WORK/jazzer.log" >&2; exit 3; }

mkdir -p "$WORK/instr" "$WORK/classes"
cd "$WORK/dump"
for d in io/mpqc/ref io/mpqc/conformance; do
    [[ -d $d ]] || continue
    find "$d" -name '*.class' ! -name '*.original.class' | while read -r f; do
        mkdir -p "$WORK/instr/$(dirname "$f")"; cp "$f" "$WORK/instr/$f"
    done
done
cd "$ROOT"
javac -d "$WORK/classes" $(find "$HERE/src" -name '*.java')
java -Xmx1g -cp "$WORK/classes:$WORK/instr:$JAR" HookCount "io.mpqc.fuzz.$TARGET" "$CORPUS" "$TOP"
