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
 * Replays every file under {@code corpus/<Target>/} (seeds, regressions, and a campaign's generated corpus
 * if there is one; not findings/, which hold unconfirmed crashes until they are fixed and copied to
 * regressions/) through its target, one dynamic test per file: a regression that comes back fails
 * {@code mvn verify}.
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
                        .filter(f -> !dir.relativize(f).startsWith("findings"))
                        .filter(f -> !f.getFileName().toString().startsWith("."))
                        .sorted()
                        .forEach(f -> tests.add(DynamicTest.dynamicTest(t.name() + " " + dir.relativize(f),
                                () -> replay(run, f))));
            }
        }
        return tests.stream();
    }

    private static void replay(Consumer<byte[]> run, Path f) throws IOException {
        byte[] input;
        try {
            input = Files.readAllBytes(f);
        } catch (java.nio.file.NoSuchFileException e) {
            // A campaign running at the same time replaced a generated input with a smaller one.
            org.junit.jupiter.api.Assumptions.abort("removed while the test ran: " + f);
            return;
        }
        run.accept(input);
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
