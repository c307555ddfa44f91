package io.mpqc.ref.conn;

import io.mpqc.ref.frame.TransportError;
import io.mpqc.ref.path.ConnectionIdEntry;
import io.mpqc.ref.recovery.SentPacket;
import java.util.Locale;

/**
 * Turns each {@link ConnectionEvent} into the name and data of one qlog event.
 *
 * <p>Where the QUIC event schema (draft-ietf-quic-qlog-quic-events-13) has a matching event, its name and
 * field names are used: {@code quic:connection_closed}, {@code quic:connection_id_updated} (one event per
 * connection ID issued, received or retired) and {@code quic:packet_dropped}. No qlog extension for
 * draft-ietf-quic-multipath was found (the multipath draft defines no qlog events, and the QUIC schema's
 * former {@code path_assigned} is about 4-tuples, now {@code tuple_assigned}), so multipath state changes
 * use this project's own {@code mpqc:} namespace, declared in the header's event_schemas as
 * {@value #MPQC_SCHEMA}. Every event about a path carries its {@code path_id} in data; connection-wide
 * events (path ID -1 in the record) have none.
 */
final class QlogEvents {
    static final String QUIC_SCHEMA = "urn:ietf:params:qlog:events:quic-13";
    static final String MPQC_SCHEMA = "urn:mpqc:qlog:events:mpqc-01";

    private QlogEvents() {
    }

    /** The qlog name and data of one event. */
    record Mapped(String name, JsonObjectWriter data) {
    }

    static Mapped map(ConnectionEvent event) {
        JsonObjectWriter d = new JsonObjectWriter();
        if (event.pathId() >= 0) {
            d.number("path_id", event.pathId());
        }
        if (event instanceof ConnectionEvent.PathStateChanged e) {
            return new Mapped("mpqc:path_state_updated",
                    d.string("old", lower(e.from())).string("new", lower(e.to())));
        }
        if (event instanceof ConnectionEvent.PeerStatusChanged e) {
            return new Mapped("mpqc:path_status_updated", d.string("initiator", "remote")
                    .string("status", lower(e.status())).number("sequence", e.sequence()));
        }
        if (event instanceof ConnectionEvent.LocalStatusChanged e) {
            return new Mapped("mpqc:path_status_updated", d.string("initiator", "local")
                    .string("status", lower(e.status())).number("sequence", e.sequence()));
        }
        if (event instanceof ConnectionEvent.FrameIgnored e) {
            return new Mapped("mpqc:frame_ignored", d.string("frame_type", lower(e.frame()))
                    .string("requirement", e.requirement()).string("reason", e.reason()));
        }
        if (event instanceof ConnectionEvent.PacketDropped e) {
            return new Mapped("quic:packet_dropped",
                    d.object("details", new JsonObjectWriter().string("reason", e.reason())));
        }
        if (event instanceof ConnectionEvent.PathAbandoned e) {
            return new Mapped("mpqc:path_abandoned", d.string("initiator", e.byPeer() ? "remote" : "local")
                    .number("error_code", e.errorCode()));
        }
        if (event instanceof ConnectionEvent.PathFreed e) {
            return new Mapped("mpqc:path_freed", d.numbers("lost_packets",
                    e.lost().stream().map(SentPacket::packetNumber).toList()));
        }
        if (event instanceof ConnectionEvent.PathValidationFailed) {
            return new Mapped("mpqc:path_validation_failed", d);
        }
        if (event instanceof ConnectionEvent.MaxPathIdChanged e) {
            return new Mapped("mpqc:max_path_id_updated", d.string("initiator", e.local() ? "local" : "remote")
                    .number("maximum", e.maximum()));
        }
        if (event instanceof ConnectionEvent.PeerPathsBlocked e) {
            return new Mapped("mpqc:paths_blocked", d.string("initiator", "remote").number("maximum", e.maximum()));
        }
        if (event instanceof ConnectionEvent.PeerCidsBlocked e) {
            return new Mapped("mpqc:path_cids_blocked", d.string("initiator", "remote")
                    .number("next_sequence", e.nextSequence()));
        }
        if (event instanceof ConnectionEvent.LimitReached e) {
            return new Mapped("mpqc:limit_reached", d.string("limit", e.what()));
        }
        if (event instanceof ConnectionEvent.ConnectionIdIssued e) {
            return cidUpdated(d, "local", "new", e.entry());
        }
        if (event instanceof ConnectionEvent.ConnectionIdReceived e) {
            return cidUpdated(d, "remote", "new", e.entry());
        }
        if (event instanceof ConnectionEvent.ConnectionIdRetired e) {
            return cidUpdated(d, e.ours() ? "local" : "remote", "old", e.entry());
        }
        if (event instanceof ConnectionEvent.ConnectionClosed e) {
            return new Mapped("quic:connection_closed", closed(d, e.reason()));
        }
        // A record type added later still yields one record, so a log never silently skips an event.
        return new Mapped("mpqc:" + snake(event.getClass().getSimpleName()), d.string("event", event.toString()));
    }

    private static Mapped cidUpdated(JsonObjectWriter d, String initiator, String field, ConnectionIdEntry cid) {
        return new Mapped("quic:connection_id_updated", d.string("initiator", initiator)
                .string(field, cid.connectionId().hex()).number("sequence", cid.sequence()));
    }

    private static JsonObjectWriter closed(JsonObjectWriter d, CloseReason reason) {
        d.string("initiator", reason.byPeer() ? "remote" : "local");
        TransportError known = TransportError.of(reason.errorCode());
        if (known != null) {
            d.string("connection_error", lower(known));
        }
        d.number("error_code", reason.errorCode());
        if (reason.frameType() != 0) {
            d.number("frame_type", reason.frameType());
        }
        return d.string("reason", reason.reason());
    }

    private static String lower(Enum<?> e) {
        return e.name().toLowerCase(Locale.ROOT);
    }

    private static String snake(String camel) {
        return camel.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(Locale.ROOT);
    }
}
