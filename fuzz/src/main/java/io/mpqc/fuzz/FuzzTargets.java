package io.mpqc.fuzz;

import java.util.List;
import java.util.function.Consumer;

/**
 * The fuzz targets of this module by name: the name is the class's simple name and the corpus directory
 * ({@code corpus/<name>/}). {@code mpqc fuzz --list} shows the same list (the CLI cannot depend on this
 * module, so it keeps its own copy; a test keeps them equal).
 */
public final class FuzzTargets {
    /** One target: its name, its entry point and one line about it. */
    public record Entry(String name, Class<?> targetClass, Consumer<byte[]> runner, String description) {
    }

    public static final List<Entry> ALL = List.of(
            new Entry("FrameDecoderFuzzer", FrameDecoderFuzzer.class, FrameDecoderFuzzer::fuzzerTestOneInput,
                    "frame decoder, every dialect: frames or a transport error, canonical re-encoding round-trips"),
            new Entry("TransportParametersFuzzer", TransportParametersFuzzer.class,
                    TransportParametersFuzzer::fuzzerTestOneInput,
                    "transport parameters decoder, every dialect and role: accept or TRANSPORT_PARAMETER_ERROR, round trip"),
            new Entry("ConnectionCoreFuzzer", ConnectionCoreFuzzer.class, ConnectionCoreFuzzer::fuzzerTestOneInput,
                    "connection core driven by a fuzzed peer, commands and clock; path/CID/close invariants after every step"),
            new Entry("SchedulerFuzzer", SchedulerFuzzer.class, SchedulerFuzzer::fuzzerTestOneInput,
                    "packet schedulers on fuzzed path sets: never a path that cannot send, no exception"),
            new Entry("DifferentialFuzzer", DifferentialFuzzer.class, DifferentialFuzzer::fuzzerTestOneInput,
                    "the same session through the reference and MPQC_AGAINST (default reference:draft-18), compared"),
            new Entry("TrivialCopyFuzzer", TrivialCopyFuzzer.class, TrivialCopyFuzzer::fuzzerTestOneInput,
                    "copies its input: the speed baseline of docs/benchmarks.md"));

    private FuzzTargets() {
    }
}
