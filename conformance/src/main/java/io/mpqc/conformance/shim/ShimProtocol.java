package io.mpqc.conformance.shim;

import io.mpqc.conformance.target.CloseInfo;
import io.mpqc.conformance.target.Command;
import io.mpqc.conformance.target.Reaction;
import io.mpqc.conformance.target.SentFrame;
import io.mpqc.conformance.target.SessionSpec;
import io.mpqc.ref.frame.Dialect;
import io.mpqc.ref.frame.Frame;
import io.mpqc.ref.frame.FrameDecodeException;
import io.mpqc.ref.frame.FrameDecoder;
import io.mpqc.ref.frame.FrameEncoder;
import io.mpqc.ref.frame.PacketType;
import io.mpqc.ref.path.PathStatus;
import io.mpqc.ref.tp.Role;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The shim protocol, version 1 (docs/shim-protocol.md): the names of operations and fields, and the
 * conversions between its JSON objects and the target SPI's types. Frames travel as hex so that the
 * target parses them with its own parser.
 */
public final class ShimProtocol {
    public static final int VERSION = 1;
    /** Longest line either side accepts; a longer one is a protocol error, never a buffer that grows. */
    public static final int MAX_LINE = 1 << 20;

    private ShimProtocol() {
    }

    public static String packetType(PacketType t) {
        return switch (t) {
            case INITIAL -> "initial";
            case ZERO_RTT -> "0rtt";
            case HANDSHAKE -> "handshake";
            case ONE_RTT -> "1rtt";
        };
    }

    public static PacketType packetType(String s) throws ShimProtocolException {
        return switch (s) {
            case "initial" -> PacketType.INITIAL;
            case "0rtt" -> PacketType.ZERO_RTT;
            case "handshake" -> PacketType.HANDSHAKE;
            case "1rtt" -> PacketType.ONE_RTT;
            default -> throw new ShimProtocolException("unknown packet_type '" + s + "'");
        };
    }

    public static Map<String, Object> spec(SessionSpec spec) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("role", spec.targetRole().name().toLowerCase(Locale.ROOT));
        m.put("dialect", spec.dialect().id());
        m.put("target_max_path_id", spec.targetMaxPathId());
        m.put("tester_max_path_id", spec.testerMaxPathId());
        m.put("target_active_cid_limit", spec.targetActiveCidLimit());
        m.put("tester_active_cid_limit", spec.testerActiveCidLimit());
        return m;
    }

    public static SessionSpec spec(Map<String, Object> m) throws ShimProtocolException {
        Role role = "client".equals(str(m, "role")) ? Role.CLIENT : "server".equals(str(m, "role")) ? Role.SERVER : null;
        if (role == null) {
            throw new ShimProtocolException("role must be client or server");
        }
        return new SessionSpec(role, dialect(str(m, "dialect")), num(m, "target_max_path_id"),
                num(m, "tester_max_path_id"), (int) num(m, "target_active_cid_limit"),
                (int) num(m, "tester_active_cid_limit"));
    }

    public static Dialect dialect(String id) throws ShimProtocolException {
        try {
            return Dialect.byName(id);
        } catch (IllegalArgumentException e) {
            throw new ShimProtocolException(e.getMessage());
        }
    }

    public static Map<String, Object> command(Command c) {
        Map<String, Object> m = new LinkedHashMap<>();
        if (c instanceof Command.OpenPath) {
            m.put("command", "open_path");
        } else if (c instanceof Command.AbandonPath a) {
            m.put("command", "abandon_path");
            m.put("path_id", a.pathId());
            m.put("error_code", a.errorCode());
        } else if (c instanceof Command.SetStatus s) {
            m.put("command", "set_status");
            m.put("path_id", s.pathId());
            m.put("status", s.status().name().toLowerCase(Locale.ROOT));
        } else if (c instanceof Command.RaiseMaxPathId r) {
            m.put("command", "raise_max_path_id");
            m.put("maximum", r.maximum());
        } else if (c instanceof Command.IssueConnectionIds i) {
            m.put("command", "issue_cids");
            m.put("path_id", i.pathId());
            m.put("count", i.count());
        } else if (c instanceof Command.Close cl) {
            m.put("command", "close");
            m.put("error_code", cl.errorCode());
            m.put("reason", cl.reason());
        }
        return m;
    }

    public static Command command(Map<String, Object> m) throws ShimProtocolException {
        String name = str(m, "command");
        return switch (name) {
            case "open_path" -> new Command.OpenPath();
            case "abandon_path" -> new Command.AbandonPath(num(m, "path_id"), num(m, "error_code"));
            case "set_status" -> new Command.SetStatus(num(m, "path_id"),
                    "backup".equals(str(m, "status")) ? PathStatus.BACKUP : PathStatus.AVAILABLE);
            case "raise_max_path_id" -> new Command.RaiseMaxPathId(num(m, "maximum"));
            case "issue_cids" -> new Command.IssueConnectionIds(num(m, "path_id"), (int) num(m, "count"));
            case "close" -> new Command.Close(num(m, "error_code"), m.get("reason") instanceof String r ? r : "");
            default -> throw new ShimProtocolException("unknown command '" + name + "'");
        };
    }

    public static Map<String, Object> reaction(Reaction r, Dialect dialect) {
        FrameEncoder enc = new FrameEncoder(dialect);
        List<Object> sent = new ArrayList<>();
        for (SentFrame s : r.sent()) {
            Map<String, Object> f = new LinkedHashMap<>();
            f.put("path_id", s.pathId());
            if (s.packetNumber() >= 0) {
                f.put("packet_number", s.packetNumber());
            }
            f.put("frame", HexFormat.of().formatHex(enc.encode(s.frame())));
            sent.add(f);
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("sent", sent);
        if (r.close() != null) {
            Map<String, Object> c = new LinkedHashMap<>();
            c.put("code", r.close().errorCode());
            c.put("reason", r.close().reason());
            m.put("close", c);
        } else {
            m.put("close", null);
        }
        m.put("refused", r.refused());
        return m;
    }

    @SuppressWarnings("unchecked")
    public static Reaction reaction(Map<String, Object> m, Dialect dialect) throws ShimProtocolException {
        Object sentValue = m.get("sent");
        if (!(sentValue instanceof List<?> list)) {
            throw new ShimProtocolException("reaction without a 'sent' array");
        }
        FrameDecoder dec = new FrameDecoder(dialect);
        List<SentFrame> sent = new ArrayList<>();
        for (Object o : list) {
            if (!(o instanceof Map)) {
                throw new ShimProtocolException("'sent' holds a non-object");
            }
            Map<String, Object> f = (Map<String, Object>) o;
            byte[] bytes = hex(str(f, "frame"));
            long packetNumber = f.get("packet_number") == null ? -1 : num(f, "packet_number");
            try {
                for (Frame frame : dec.decodeAll(bytes)) {
                    sent.add(new SentFrame(num(f, "path_id"), frame, packetNumber));
                }
            } catch (FrameDecodeException e) {
                throw new ShimProtocolException("the target sent a frame that does not decode in " + dialect.id()
                        + ": " + e + " (" + str(f, "frame") + ")");
            }
        }
        CloseInfo close = null;
        if (m.get("close") instanceof Map<?, ?> c) {
            Map<String, Object> cm = (Map<String, Object>) c;
            close = new CloseInfo(num(cm, "code"), cm.get("reason") instanceof String s ? s : "");
        }
        return new Reaction(sent, close, m.get("refused") instanceof String s ? s : null);
    }

    public static byte[] hex(String s) throws ShimProtocolException {
        try {
            return HexFormat.of().parseHex(s);
        } catch (IllegalArgumentException e) {
            throw new ShimProtocolException("not hex: '" + abbreviate(s) + "'");
        }
    }

    public static String str(Map<String, Object> m, String key) throws ShimProtocolException {
        if (m.get(key) instanceof String s) {
            return s;
        }
        throw new ShimProtocolException("field '" + key + "' must be a string");
    }

    public static long num(Map<String, Object> m, String key) throws ShimProtocolException {
        if (m.get(key) instanceof Long l) {
            return l;
        }
        throw new ShimProtocolException("field '" + key + "' must be an integer");
    }

    static String abbreviate(String s) {
        return s.length() <= 80 ? s : s.substring(0, 77) + "...";
    }
}
