package io.mpqc.fuzz;

/**
 * The speed baseline of docs/benchmarks.md: copies its input and does nothing else, so its executions per
 * second are what the Jazzer driver, libFuzzer and the JVM cost on this machine. The other targets are
 * measured against it in the same run.
 */
public final class TrivialCopyFuzzer {
    /** Keeps the copy observable so the JIT cannot remove it. */
    static volatile int sink;

    private TrivialCopyFuzzer() {
    }

    public static void fuzzerTestOneInput(byte[] data) {
        byte[] copy = data.clone();
        sink = copy.length == 0 ? 0 : copy[copy.length - 1];
    }
}
