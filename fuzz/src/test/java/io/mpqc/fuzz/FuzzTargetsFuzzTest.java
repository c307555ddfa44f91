package io.mpqc.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * The campaign targets as JUnit fuzz tests, calling exactly the code the standalone driver calls. Without
 * JAZZER_FUZZ=1 each runs its (empty) input once; the corpus under {@code corpus/} is replayed by
 * {@link CorpusReplayTest}. With {@code JAZZER_FUZZ=1 mvn -pl fuzz test -Dtest='FuzzTargetsFuzzTest#frameDecoder'}
 * one of them fuzzes in-process (see docs/fuzzing.md).
 */
class FuzzTargetsFuzzTest {
    @FuzzTest(maxDuration = "60s")
    void frameDecoder(byte[] data) {
        FrameDecoderFuzzer.fuzzerTestOneInput(data);
    }

    @FuzzTest(maxDuration = "60s")
    void transportParameters(byte[] data) {
        TransportParametersFuzzer.fuzzerTestOneInput(data);
    }

    @FuzzTest(maxDuration = "60s")
    void connectionCore(byte[] data) {
        ConnectionCoreFuzzer.fuzzerTestOneInput(data);
    }

    @FuzzTest(maxDuration = "60s")
    void scheduler(byte[] data) {
        SchedulerFuzzer.fuzzerTestOneInput(data);
    }

    @FuzzTest(maxDuration = "60s")
    void differential(byte[] data) {
        DifferentialFuzzer.fuzzerTestOneInput(data);
    }
}
