package io.mpqc.conformance.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportDirectoryTest {
    @TempDir
    Path base;

    private static final Instant T = Instant.parse("2025-11-24T22:30:05.123Z");

    @Test
    void runsAreNamedByUtcTimeAndNeverCollide() throws IOException {
        assertThat(ReportDirectory.createRun(base, T).getFileName().toString()).isEqualTo("2025-11-24T22-30-05Z");
        assertThat(ReportDirectory.createRun(base, T).getFileName().toString()).isEqualTo("2025-11-24T22-30-05Z-2");
        assertThat(ReportDirectory.createRun(base, T).getFileName().toString()).isEqualTo("2025-11-24T22-30-05Z-3");
    }

    @Test
    void createsMissingBaseDirectories() throws IOException {
        Path run = ReportDirectory.createRun(base.resolve("a/b"), T);
        assertThat(run).isDirectory();
    }

    @Test
    void latestIsARelativeSymlinkThatMoves() throws IOException {
        Path one = ReportDirectory.createRun(base, T);
        Path two = ReportDirectory.createRun(base, T.plusSeconds(1));
        assertThat(ReportDirectory.linkLatest(base, one)).isEqualTo(ReportDirectory.LatestKind.SYMLINK);
        assertThat(Files.readSymbolicLink(base.resolve("latest"))).isEqualTo(one.getFileName());
        assertThat(ReportDirectory.linkLatest(base, two)).isEqualTo(ReportDirectory.LatestKind.SYMLINK);
        assertThat(Files.readSymbolicLink(base.resolve("latest"))).isEqualTo(two.getFileName());
    }

    @Test
    void latestFallsBackToACopyAndCopiesAreReplaced() throws IOException {
        Path one = ReportDirectory.createRun(base, T);
        Files.writeString(one.resolve("index.html"), "one");
        Files.createDirectories(one.resolve("sub"));
        Files.writeString(one.resolve("sub/x.txt"), "x");
        assertThat(ReportDirectory.linkLatest(base, one, false)).isEqualTo(ReportDirectory.LatestKind.COPY);
        assertThat(base.resolve("latest/index.html")).hasContent("one");
        assertThat(base.resolve("latest/sub/x.txt")).hasContent("x");

        Path two = ReportDirectory.createRun(base, T.plusSeconds(1));
        Files.writeString(two.resolve("index.html"), "two");
        assertThat(ReportDirectory.linkLatest(base, two, false)).isEqualTo(ReportDirectory.LatestKind.COPY);
        assertThat(base.resolve("latest/index.html")).hasContent("two");
        assertThat(base.resolve("latest/sub")).doesNotExist();

        // and a symlink replaces an earlier copy
        assertThat(ReportDirectory.linkLatest(base, one)).isEqualTo(ReportDirectory.LatestKind.SYMLINK);
        assertThat(base.resolve("latest/index.html")).hasContent("one");
    }
}
