package io.mpqc.conformance.report;

import io.mpqc.conformance.catalog.Catalog;
import io.mpqc.conformance.run.RunResult;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes every report of a run into a fresh {@code <base>/<timestamp>/} directory and points
 * {@code <base>/latest} at it: index.html, results.json, junit.xml and allure-results/.
 */
public final class RunReports {
    private RunReports() {
    }

    /** Returns the run directory. */
    public static Path write(Path base, RunResult run, Catalog catalog, String version) throws IOException {
        Path dir = ReportDirectory.createRun(base, run.started());
        Files.writeString(dir.resolve("index.html"), HtmlReport.render(run, catalog, version), StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("results.json"), JsonResults.render(run, catalog, version) + "\n",
                StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("junit.xml"), JUnitXml.render(run), StandardCharsets.UTF_8);
        AllureResults.write(run, dir.resolve("allure-results"));
        ReportDirectory.linkLatest(base, dir);
        return dir;
    }
}
