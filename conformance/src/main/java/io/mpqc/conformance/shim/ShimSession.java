package io.mpqc.conformance.shim;

import io.mpqc.conformance.target.Command;
import io.mpqc.conformance.target.PeerStatus;
import io.mpqc.conformance.target.Reaction;
import io.mpqc.conformance.target.Session;
import io.mpqc.conformance.target.TargetException;
import io.mpqc.ref.frame.Dialect;
import io.mpqc.ref.frame.Frame;
import io.mpqc.ref.frame.FrameEncoder;
import io.mpqc.ref.frame.PacketType;
import io.mpqc.ref.path.PathStatus;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An endpoint session living in a shim process, driven through {@link ShimClient}. A session that owns its
 * client (fresh mode: a process per session) ends the process when it closes.
 */
final class ShimSession implements Session {
    private final ShimClient client;
    private final String id;
    private final Dialect dialect;
    private final Reaction initial;
    private final boolean ownsClient;

    ShimSession(ShimClient client, String id, Dialect dialect, Reaction initial, boolean ownsClient) {
        this.client = client;
        this.id = id;
        this.dialect = dialect;
        this.initial = initial;
        this.ownsClient = ownsClient;
    }

    @Override
    public Reaction initial() {
        return initial;
    }

    @Override
    public Reaction receive(PacketType type, long pathId, List<Frame> frames) throws TargetException {
        FrameEncoder enc = new FrameEncoder(dialect);
        List<Object> hex = new ArrayList<>();
        for (Frame f : frames) {
            hex.add(HexFormat.of().formatHex(enc.encode(f)));
        }
        Map<String, Object> m = fields();
        m.put("packet_type", ShimProtocol.packetType(type));
        m.put("path_id", pathId);
        m.put("frames", hex);
        return reaction(client.request("receive", m));
    }

    @Override
    public Reaction advance(long micros) throws TargetException {
        Map<String, Object> m = fields();
        m.put("micros", micros);
        return reaction(client.request("advance", m));
    }

    @Override
    public Reaction command(Command command) throws TargetException {
        Map<String, Object> m = fields();
        m.putAll(ShimProtocol.command(command));
        return reaction(client.request("command", m));
    }

    @Override
    public Optional<PeerStatus> peerStatus(long pathId) throws TargetException {
        Map<String, Object> m = fields();
        m.put("path_id", pathId);
        Map<String, Object> ok = client.request("peer_status", m);
        if (ok.get("status") == null) {
            return Optional.empty();
        }
        try {
            String s = ShimProtocol.str(ok, "status");
            PathStatus status = "available".equals(s) ? PathStatus.AVAILABLE : "backup".equals(s) ? PathStatus.BACKUP
                    : null;
            if (status == null) {
                throw new TargetException("peer_status answered an unknown status '" + s + "'");
            }
            return Optional.of(new PeerStatus(status, ShimProtocol.num(ok, "sequence")));
        } catch (ShimProtocolException e) {
            throw new TargetException("bad peer_status reply: " + e.getMessage());
        }
    }

    @Override
    public long ptoMicros(long pathId) throws TargetException {
        Map<String, Object> m = fields();
        m.put("path_id", pathId);
        try {
            return ShimProtocol.num(client.request("pto", m), "micros");
        } catch (ShimProtocolException e) {
            throw new TargetException("bad pto reply: " + e.getMessage());
        }
    }

    private Map<String, Object> fields() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("session", id);
        return m;
    }

    private Reaction reaction(Map<String, Object> ok) throws TargetException {
        try {
            return ShimProtocol.reaction(ok, dialect);
        } catch (ShimProtocolException e) {
            throw new TargetException("bad reaction from the shim: " + e.getMessage());
        }
    }

    @Override
    public void close() {
        if (!client.isBroken()) {
            try {
                client.request("close_session", fields());
            } catch (TargetException e) {
                // The session is gone either way; the next request will report a broken shim if it is.
            }
        }
        if (ownsClient) {
            client.close();
        }
    }
}
