package io.mpqc.conformance.cli;

import io.mpqc.ref.frame.Dialect;
import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import picocli.CommandLine.IVersionProvider;

/**
 * The project version for {@code mpqc --version}: from {@code version.properties}, which the Maven build
 * filters, else from the jar manifest's Implementation-Version, else "unknown".
 */
public final class VersionProvider implements IVersionProvider {

    /** The version of this build of mpqc. */
    public static String version() {
        try (InputStream in = VersionProvider.class.getResourceAsStream("version.properties")) {
            if (in != null) {
                Properties p = new Properties();
                p.load(in);
                String v = p.getProperty("version", "").trim();
                if (!v.isEmpty() && !v.startsWith("${")) {
                    return v;
                }
            }
        } catch (IOException e) {
            // fall through to the manifest
        }
        String fromManifest = VersionProvider.class.getPackage().getImplementationVersion();
        return fromManifest != null ? fromManifest : "unknown";
    }

    @Override
    public String[] getVersion() {
        return new String[] {
            "mpqc " + version(),
            "frame dialects: " + Dialect.names() + " (default " + Dialect.DEFAULT.id() + ")",
            "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ")",
        };
    }
}
