package io.mpqc.ref.conn;

import io.mpqc.ref.tp.Role;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Records a connection's events as a sequential qlog file: JSON text sequences (RFC 7464), each record
 * an ASCII RS (0x1E), one JSON object and a line feed. The first record is the QlogFileSeq header of the
 * qlog main schema (draft-ietf-quic-qlog-main-schema): {@code file_schema}
 * {@code urn:ietf:params:qlog:file:sequential}, {@code serialization_format}
 * {@code application/qlog+json-seq} and a trace naming the vantage point and the event schemas. The
 * current main schema identifies the format by {@code file_schema} alone and no longer has a
 * {@code qlog_version} field, so none is written. Every later record is one {@link ConnectionEvent}; see
 * {@link QlogEvents} for the names and fields.
 *
 * <p>Times are the connection's own injected clock in milliseconds with microsecond digits,
 * {@code relative_to_epoch} of a {@code monotonic} reference clock whose epoch is {@code unknown}: the
 * core has no wall clock, and its time 0 is whatever the driver's first tick meant.
 *
 * <p>Attach it before the connection's first event ({@link MultipathConnection#MultipathConnection(
 * ConnectionConfig, ConnectionListener)}) so that the log is complete. It is called on the connection's
 * thread, but its methods are synchronized so that another thread may {@link #close()} it.
 *
 * <p>{@link #onEvent} never throws: an exception escaping a listener would interrupt the core in the
 * middle of a state change. The first write error stops the log instead; {@link #close()} rethrows it and
 * {@link #failure()} reports it earlier. The writer owns the stream it writes to and closes it.
 */
public final class QlogWriter implements ConnectionListener, AutoCloseable {
    static final char RECORD_SEPARATOR = 0x1E;
    static final String FILE_SCHEMA = "urn:ietf:params:qlog:file:sequential";
    static final String SERIALIZATION_FORMAT = "application/qlog+json-seq";

    private final Writer out;
    private IOException failure;
    private boolean closed;

    /** Writes the header to {@code out} at once; {@code title} may be null. */
    public QlogWriter(Writer out, Role vantagePoint, String title) throws IOException {
        this.out = out;
        write(header(vantagePoint, title));
    }

    /** A qlog file at {@code file}, created or truncated. */
    public static QlogWriter toFile(Path file, Role vantagePoint, String title) throws IOException {
        Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
        try {
            return new QlogWriter(w, vantagePoint, title);
        } catch (IOException e) {
            w.close();
            throw e;
        }
    }

    public static QlogWriter toStream(OutputStream out, Role vantagePoint, String title) throws IOException {
        return new QlogWriter(new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8)),
                vantagePoint, title);
    }

    @Override
    public synchronized void onEvent(long timeMicros, ConnectionEvent event) {
        if (closed || failure != null) {
            return;
        }
        QlogEvents.Mapped m = QlogEvents.map(event);
        String record = new JsonObjectWriter()
                .number("time", BigDecimal.valueOf(timeMicros, 3))
                .string("name", m.name())
                .object("data", m.data())
                .toJson();
        try {
            write(record);
        } catch (IOException e) {
            failure = e;
        }
    }

    /**
     * Pushes buffered records to the stream. Not done per record: a log of a busy connection would pay a
     * system call per event, and a reader of a live file can flush when it needs to.
     */
    public synchronized void flush() throws IOException {
        rethrowFailure();
        if (!closed) {
            out.flush();
        }
    }

    /** The write error that stopped the log, if any. */
    public synchronized Optional<IOException> failure() {
        return Optional.ofNullable(failure);
    }

    /** Flushes and closes the stream; events after this are dropped. Rethrows an earlier write error. */
    @Override
    public synchronized void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        try (Writer w = out) {
            if (failure == null) {
                w.flush();
            }
        }
        rethrowFailure();
    }

    private void rethrowFailure() throws IOException {
        if (failure != null) {
            throw failure;
        }
    }

    private void write(String json) throws IOException {
        out.write(RECORD_SEPARATOR);
        out.write(json);
        out.write('\n');
    }

    private static String header(Role vantagePoint, String title) {
        JsonObjectWriter referenceTime = new JsonObjectWriter()
                .string("clock_type", "monotonic")
                .string("epoch", "unknown");
        JsonObjectWriter commonFields = new JsonObjectWriter()
                .string("time_format", "relative_to_epoch")
                .object("reference_time", referenceTime);
        JsonObjectWriter trace = new JsonObjectWriter()
                .object("vantage_point", new JsonObjectWriter()
                        .string("name", "mpqc reference")
                        .string("type", vantagePoint.name().toLowerCase(Locale.ROOT)))
                .object("common_fields", commonFields)
                .strings("event_schemas", List.of(QlogEvents.QUIC_SCHEMA, QlogEvents.MPQC_SCHEMA));
        JsonObjectWriter file = new JsonObjectWriter()
                .string("file_schema", FILE_SCHEMA)
                .string("serialization_format", SERIALIZATION_FORMAT);
        if (title != null) {
            file.string("title", title);
        }
        return file.object("trace", trace).toJson();
    }
}
