package io.mpqc.ref.conn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mpqc.ref.frame.Bytes;
import io.mpqc.ref.frame.Frame;
import io.mpqc.ref.path.PathState;
import io.mpqc.ref.path.PathStatus;
import io.mpqc.ref.tp.Role;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class QlogWriterTest {
    private static final String AWKWARD_REASON = "bye \"now\"\\ \n\t\u001e\u0000 é ☃ \uD83D\uDE00";

    @TempDir
    Path dir;

    /** Open a path, set statuses, abandon it, let 3 PTO pass so it is freed, then close. */
    private static List<ConnectionEvent> script(ConnectionListener qlog) {
        List<ConnectionEvent> delivered = new ArrayList<>();
        MultipathConnection conn = new MultipathConnection(ConnectionConfig.builder(Role.CLIENT).build(),
                (t, e) -> {
                    delivered.add(e);
                    qlog.onEvent(t, e);
                });
        conn.receive(PacketContext.oneRtt(0, 0), new Frame.PathNewConnectionId(1, 0, 0,
                Bytes.ofHex("a1a1a1a1a1a1a1a1"), Bytes.ofHex("0102030405060708090a0b0c0d0e0f10")));
        conn.tick(1_000);
        assertThat(conn.openPath()).hasValue(1);
        long challenge = conn.drain().stream()
                .filter(p -> p.pathId() == 1)
                .flatMap(p -> p.frames().stream())
                .filter(Frame.PathChallenge.class::isInstance)
                .mapToLong(f -> ((Frame.PathChallenge) f).data())
                .findFirst().orElseThrow();
        conn.tick(21_500);
        conn.receive(PacketContext.oneRtt(1, 0), new Frame.PathResponse(challenge));
        conn.setLocalStatus(1, PathStatus.BACKUP);
        conn.receive(PacketContext.oneRtt(0, 1), new Frame.PathStatusAvailable(1, 0));
        conn.receive(PacketContext.oneRtt(0, 2), new Frame.PathStatusBackup(1, 0));
        conn.abandonPath(1, 0);
        conn.tick(conn.now() + 3 * conn.pto(1) + 1);
        assertThat(conn.path(1).state()).isEqualTo(PathState.CLOSED);
        conn.close(0x0a, AWKWARD_REASON);
        return delivered;
    }

    @Test
    @SuppressWarnings("unchecked")
    void scriptedConnectionReadsBackAsOneHeaderAndOneRecordPerEvent() throws IOException {
        Path file = dir.resolve("client.sqlog");
        List<ConnectionEvent> delivered;
        try (QlogWriter qlog = QlogWriter.toFile(file, Role.CLIENT, "scripted")) {
            delivered = script(qlog);
        }
        List<Map<String, Object>> records = readRecords(Files.readString(file, StandardCharsets.UTF_8));

        assertThat(records).hasSize(1 + delivered.size());
        Map<String, Object> header = records.get(0);
        assertThat(header).containsEntry("file_schema", "urn:ietf:params:qlog:file:sequential")
                .containsEntry("serialization_format", "application/qlog+json-seq")
                .containsEntry("title", "scripted");
        Map<String, Object> trace = map(header.get("trace"));
        assertThat(map(trace.get("vantage_point"))).containsEntry("type", "client");
        Map<String, Object> common = map(trace.get("common_fields"));
        assertThat(common).containsEntry("time_format", "relative_to_epoch");
        assertThat(map(common.get("reference_time"))).containsEntry("clock_type", "monotonic")
                .containsEntry("epoch", "unknown");
        assertThat((List<Object>) trace.get("event_schemas")).contains("urn:ietf:params:qlog:events:quic-13");

        Set<String> names = new TreeSet<>();
        BigDecimal previous = BigDecimal.ZERO;
        for (int i = 1; i < records.size(); i++) {
            Map<String, Object> r = records.get(i);
            ConnectionEvent event = delivered.get(i - 1);
            assertThat(r).containsOnlyKeys("time", "name", "data");
            String name = (String) r.get("name");
            assertThat(name).matches("(quic|mpqc):[a-z_]+");
            names.add(name);
            BigDecimal time = (BigDecimal) r.get("time");
            assertThat(time).isGreaterThanOrEqualTo(previous);
            previous = time;
            Map<String, Object> data = map(r.get("data"));
            if (event.pathId() >= 0) {
                assertThat(data.get("path_id")).as("path_id of %s", event)
                        .isEqualTo(BigDecimal.valueOf(event.pathId()));
            } else {
                assertThat(data).as("%s is connection-wide", event).doesNotContainKey("path_id");
            }
        }
        assertThat(names).contains("quic:connection_closed", "quic:connection_id_updated",
                "mpqc:path_state_updated", "mpqc:path_status_updated", "mpqc:frame_ignored",
                "mpqc:path_abandoned", "mpqc:path_freed");
        Map<String, Object> closed = records.get(records.size() - 1);
        assertThat(closed).containsEntry("name", "quic:connection_closed");
        assertThat(map(closed.get("data"))).containsEntry("reason", AWKWARD_REASON)
                .containsEntry("initiator", "local")
                .containsEntry("connection_error", "protocol_violation");
    }

    @Test
    void timeIsTheInjectedClockInExactMilliseconds() throws IOException {
        StringWriter out = new StringWriter();
        try (QlogWriter qlog = new QlogWriter(out, Role.SERVER, null)) {
            qlog.onEvent(1_234_567, new ConnectionEvent.PathValidationFailed(3));
            qlog.onEvent(1_234_568, new ConnectionEvent.MaxPathIdChanged(true, 9));
        }
        List<Map<String, Object>> records = readRecords(out.toString());
        assertThat(map(map(records.get(0).get("trace")).get("vantage_point"))).containsEntry("type", "server");
        assertThat(records.get(0)).doesNotContainKey("title");
        assertThat(out.toString()).contains("\u001e{\"time\":1234.567,\"name\":\"mpqc:path_validation_failed\","
                + "\"data\":{\"path_id\":3}}\n");
        assertThat(map(records.get(2).get("data"))).containsEntry("initiator", "local")
                .containsEntry("maximum", BigDecimal.valueOf(9)).doesNotContainKey("path_id");
    }

    @Test
    void aWriteErrorNeverReachesTheConnectionAndIsRethrownOnClose() throws IOException {
        IOException disk = new IOException("disk full");
        Writer failing = new Writer() {
            private int writes;

            @Override
            public void write(char[] cbuf, int off, int len) throws IOException {
                if (++writes > 3) {
                    throw disk;
                }
            }

            @Override
            public void write(int c) throws IOException {
                write(new char[] {(char) c}, 0, 1);
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        QlogWriter qlog = new QlogWriter(failing, Role.CLIENT, null);
        List<ConnectionEvent> delivered = script(qlog);

        assertThat(delivered).isNotEmpty();
        assertThat(qlog.failure()).containsSame(disk);
        assertThatThrownBy(qlog::close).isSameAs(disk);
    }

    @Test
    void eventsAfterCloseAreDropped() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        QlogWriter qlog = QlogWriter.toStream(bytes, Role.CLIENT, null);
        qlog.onEvent(0, new ConnectionEvent.PathValidationFailed(1));
        qlog.close();
        qlog.onEvent(1, new ConnectionEvent.PathValidationFailed(2));
        qlog.close();

        assertThat(readRecords(bytes.toString(StandardCharsets.UTF_8))).hasSize(2);
    }

    /** Splits RFC 7464 text into records: each starts with RS, ends with LF, and holds one JSON object. */
    static List<Map<String, Object>> readRecords(String text) {
        assertThat(text).startsWith("\u001e").endsWith("\n");
        String[] parts = text.split("\u001e", -1);
        assertThat(parts[0]).isEmpty();
        List<Map<String, Object>> records = new ArrayList<>();
        for (int i = 1; i < parts.length; i++) {
            String part = parts[i];
            assertThat(part).as("record %d", i).endsWith("\n");
            String json = part.substring(0, part.length() - 1);
            assertThat(json).as("record %d is on one line", i).doesNotContain("\n");
            records.add(QlogJsonReader.parseObject(json));
        }
        return records;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object o) {
        assertThat(o).isInstanceOf(Map.class);
        return (Map<String, Object>) o;
    }
}
