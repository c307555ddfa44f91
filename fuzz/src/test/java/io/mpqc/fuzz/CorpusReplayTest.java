package io.mpqc.fuzz;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Replays every committed file under {@code corpus/<Target>/} (seeds/ and regressions/; not a local
 * campaign's generated/ or findings/) through its target, one dynamic test per file: a regression that
 * comes back fails {@code mvn verify}.
 */
class CorpusReplayTest {
    static Path corpusRoot() {
        String p = System.getProperty("mpqc.corpus");
        return p != null ? Path.of(p) : Path.of("..", "corpus");
    }

    @TestFactory
    Stream<DynamicTest> everyCorpusFile() throws IOException {
        List<DynamicTest> tests = new ArrayList<>();
        for (FuzzTargets.Entry t : FuzzTargets.ALL) {
            Path dir = corpusRoot().resolve(t.name());
            if (!Files.isDirectory(dir)) {
                continue;
            }
            Consumer<byte[]> run = t.runner();
            try (Stream<Path> files = Files.walk(dir)) {
                files.filter(Files::isRegularFile)
                        // The committed corpus only: generated/ and findings/ belong to local campaigns (git
                        // ignores them) and a running campaign may rewrite them while this test reads.
                        .filter(f -> dir.relativize(f).startsWith("seeds") || dir.relativize(f).startsWith("regressions"))
                        .filter(f -> !f.getFileName().toString().startsWith("."))
                        .sorted()
                        .forEach(f -> tests.add(DynamicTest.dynamicTest(t.name() + " " + dir.relativize(f),
                                () -> replay(run, f))));
            }
        }
        return tests.stream();
    }

    private static void replay(Consumer<byte[]> run, Path f) throws IOException {
        run.accept(Files.readAllBytes(f));
    }

    @org.junit.jupiter.api.Test
    void theCorpusHasSeedsAndRegressions() {
        for (String t : List.of("FrameDecoderFuzzer", "TransportParametersFuzzer", "ConnectionCoreFuzzer",
                "DifferentialFuzzer")) {
            assertTrue(Files.isDirectory(corpusRoot().resolve(t).resolve("seeds")), t + " has seeds");
        }
        assertTrue(Files.isDirectory(corpusRoot().resolve("ConnectionCoreFuzzer").resolve("regressions")));
    }
}
