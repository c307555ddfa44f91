package io.mpqc.conformance.shim;

import io.mpqc.conformance.report.Json;
import io.mpqc.conformance.target.CodecResult;
import io.mpqc.conformance.target.Reaction;
import io.mpqc.conformance.target.Session;
import io.mpqc.conformance.target.Target;
import io.mpqc.conformance.target.TargetException;
import io.mpqc.conformance.target.TransportParametersResult;
import io.mpqc.conformance.target.UnsupportedByTargetException;
import io.mpqc.ref.frame.Dialect;
import io.mpqc.ref.frame.Frame;
import io.mpqc.ref.frame.FrameDecodeException;
import io.mpqc.ref.frame.FrameDecoder;
import io.mpqc.ref.frame.FrameEncoder;
import io.mpqc.ref.tp.Role;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Serves a {@link Target} (the reference, or a mutant) over the shim protocol: {@code mpqc shim} on
 * stdin/stdout or on a TCP port. It is both a ready-made peer for the suite's own tests and a worked
 * example of the protocol. One instance serves one line stream; sessions are named s1, s2 ...
 */
public final class ShimServer {
    private final Target target;
    private final Map<String, Session> sessions = new HashMap<>();
    private final Map<String, Dialect> dialects = new HashMap<>();
    /** Sessions closed by a frame that did not decode: the reference core never saw it, so it is noted here. */
    private final java.util.Set<String> closedByDecoding = new java.util.HashSet<>();
    private int nextSession = 1;

    public ShimServer(Target target) {
        this.target = target;
    }

    /** Serves until "bye" or end of input. */
    public void serve(InputStream in, OutputStream out) throws IOException {
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        PrintStream writer = new PrintStream(out, true, StandardCharsets.UTF_8);
        String line;
        while ((line = reader.readLine()) != null) {
            if (line.isBlank()) {
                continue;
            }
            Map<String, Object> reply = new LinkedHashMap<>();
            Object id = null;
            try {
                Map<String, Object> msg = JsonParser.parseObject(line);
                id = msg.get("id");
                reply.put("id", id);
                String op = ShimProtocol.str(msg, "op");
                if (op.equals("bye")) {
                    break;
                }
                reply.put("ok", handle(op, msg));
            } catch (UnsupportedByTargetException e) {
                reply.put("unsupported", e.getMessage());
            } catch (JsonException | ShimProtocolException | TargetException | RuntimeException e) {
                reply.put("id", id);
                reply.put("error", e.getClass().getSimpleName() + ": " + e.getMessage());
            }
            writer.println(Json.write(reply));
        }
        sessions.values().forEach(Session::close);
        sessions.clear();
    }

    private Map<String, Object> handle(String op, Map<String, Object> msg)
            throws ShimProtocolException, TargetException {
        Map<String, Object> ok = new LinkedHashMap<>();
        switch (op) {
            case "hello" -> {
                ok.put("version", (long) ShimProtocol.VERSION);
                ok.put("name", target.name());
                List<Object> ds = new ArrayList<>();
                target.capabilities().dialects().stream().map(Dialect::id).sorted().forEach(ds::add);
                ok.put("dialects", ds);
                ok.put("codec", target.capabilities().codec());
                ok.put("endpoint", target.capabilities().endpoint());
                ok.put("features", new ArrayList<>(new java.util.TreeSet<>(target.capabilities().features())));
            }
            case "decode" -> {
                Dialect d = ShimProtocol.dialect(ShimProtocol.str(msg, "dialect"));
                CodecResult r = target.codec().decode(d, ShimProtocol.hex(ShimProtocol.str(msg, "payload")));
                if (r instanceof CodecResult.Decoded dec) {
                    FrameEncoder enc = new FrameEncoder(d);
                    List<Object> frames = new ArrayList<>();
                    for (Frame f : dec.frames()) {
                        frames.add(HexFormat.of().formatHex(enc.encode(f)));
                    }
                    ok.put("decoded", frames);
                } else {
                    CodecResult.Rejected rej = (CodecResult.Rejected) r;
                    ok.put("rejected", rejected(rej.errorCode(), rej.offset(), rej.message()));
                }
            }
            case "nonce" -> ok.put("nonce", HexFormat.of().formatHex(target.codec().nonce(
                    ShimProtocol.hex(ShimProtocol.str(msg, "iv")), ShimProtocol.num(msg, "path_id"),
                    ShimProtocol.num(msg, "packet_number"))));
            case "decode_tp" -> {
                Dialect d = ShimProtocol.dialect(ShimProtocol.str(msg, "dialect"));
                Role sender = "server".equals(ShimProtocol.str(msg, "sender")) ? Role.SERVER : Role.CLIENT;
                TransportParametersResult r = target.codec().decodeTransportParameters(d, sender,
                        ShimProtocol.hex(ShimProtocol.str(msg, "payload")));
                if (r instanceof TransportParametersResult.Accepted a) {
                    Map<String, Object> m = new LinkedHashMap<>();
                    m.put("initial_max_path_id", a.initialMaxPathId() < 0 ? null : a.initialMaxPathId());
                    m.put("active_connection_id_limit", a.activeConnectionIdLimit());
                    ok.put("accepted", m);
                } else {
                    TransportParametersResult.Rejected rej = (TransportParametersResult.Rejected) r;
                    ok.put("rejected", rejected(rej.errorCode(), rej.offset(), rej.message()));
                }
            }
            case "open" -> {
                var spec = ShimProtocol.spec(msg);
                Session s = target.endpoint().open(spec);
                String id = "s" + nextSession++;
                sessions.put(id, s);
                dialects.put(id, spec.dialect());
                ok.put("session", id);
                ok.put("initial", ShimProtocol.reaction(s.initial(), spec.dialect()));
            }
            case "receive" -> {
                String id = ShimProtocol.str(msg, "session");
                Dialect d = dialectOf(id);
                if (closedByDecoding.contains(id)) {
                    return reaction(Reaction.NOTHING, d);
                }
                List<Frame> frames = new ArrayList<>();
                if (msg.get("frames") instanceof List<?> list) {
                    for (Object o : list) {
                        if (!(o instanceof String hex)) {
                            throw new ShimProtocolException("frames must be hex strings");
                        }
                        try {
                            frames.addAll(new FrameDecoder(d).decodeAll(ShimProtocol.hex(hex)));
                        } catch (FrameDecodeException e) {
                            // The reference's own decoder rejects it: the connection closes with that error.
                            closedByDecoding.add(id);
                            return closedBy(e, d);
                        }
                    }
                } else {
                    throw new ShimProtocolException("field 'frames' must be an array");
                }
                return reaction(session(id).receive(ShimProtocol.packetType(ShimProtocol.str(msg, "packet_type")),
                        ShimProtocol.num(msg, "path_id"), frames), d);
            }
            case "advance" -> {
                String id = ShimProtocol.str(msg, "session");
                return reaction(session(id).advance(ShimProtocol.num(msg, "micros")), dialectOf(id));
            }
            case "command" -> {
                String id = ShimProtocol.str(msg, "session");
                return reaction(session(id).command(ShimProtocol.command(msg)), dialectOf(id));
            }
            case "peer_status" -> {
                var status = session(ShimProtocol.str(msg, "session")).peerStatus(ShimProtocol.num(msg, "path_id"));
                ok.put("status", status.map(s -> s.status().name().toLowerCase(Locale.ROOT)).orElse(null));
                ok.put("sequence", status.map(s -> s.sequence()).orElse(-1L));
            }
            case "pto" -> ok.put("micros", session(ShimProtocol.str(msg, "session"))
                    .ptoMicros(ShimProtocol.num(msg, "path_id")));
            case "close_session" -> {
                String id = ShimProtocol.str(msg, "session");
                Session s = sessions.remove(id);
                dialects.remove(id);
                if (s != null) {
                    s.close();
                }
            }
            default -> throw new UnsupportedByTargetException("unknown operation '" + op + "'");
        }
        return ok;
    }

    private Map<String, Object> closedBy(FrameDecodeException e, Dialect d) {
        Reaction r = new Reaction(List.of(), new io.mpqc.conformance.target.CloseInfo(e.error().code(), e.getMessage()),
                null);
        return ShimProtocol.reaction(r, d);
    }

    private static Map<String, Object> rejected(long code, int offset, String message) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("code", code);
        m.put("offset", (long) offset);
        m.put("message", message);
        return m;
    }

    private Map<String, Object> reaction(Reaction r, Dialect d) {
        return ShimProtocol.reaction(r, d);
    }

    private Session session(String id) throws ShimProtocolException {
        Session s = sessions.get(id);
        if (s == null) {
            throw new ShimProtocolException("no session '" + id + "'");
        }
        return s;
    }

    private Dialect dialectOf(String id) throws ShimProtocolException {
        Dialect d = dialects.get(id);
        if (d == null) {
            throw new ShimProtocolException("no session '" + id + "'");
        }
        return d;
    }
}
