package io.mpqc.conformance.shim;

import io.mpqc.conformance.target.Capabilities;
import io.mpqc.conformance.target.CodecResult;
import io.mpqc.conformance.target.CodecTarget;
import io.mpqc.conformance.target.EndpointTarget;
import io.mpqc.conformance.target.Session;
import io.mpqc.conformance.target.SessionSpec;
import io.mpqc.conformance.target.Target;
import io.mpqc.conformance.target.TargetException;
import io.mpqc.conformance.target.TransportParametersResult;
import io.mpqc.ref.frame.Dialect;
import io.mpqc.ref.frame.FrameDecodeException;
import io.mpqc.ref.frame.FrameDecoder;
import io.mpqc.ref.tp.Role;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * An implementation under test reached through the shim protocol: a child process speaking JSON lines
 * on stdin/stdout ({@code shim:'COMMAND ARGS'}), or a shim server over TCP ({@code tcp:HOST:PORT}). When
 * the shim crashes, hangs or talks nonsense, the case in progress gets ERROR with a diagnosis and the next
 * request starts a new process (or connection), so the run goes on. Every new process or connection hears
 * "hello" first. With {@code fresh}, every session gets a process of its own, ended with the session (so
 * that cases running in parallel never share, or end, each other's process); codec requests share one.
 */
public final class ShimTarget implements Target {
    /** Opens a new channel to the shim. */
    @FunctionalInterface
    interface Connector {
        ShimChannel connect() throws IOException;
    }

    private final String name;
    private final Connector connector;
    private final Duration timeout;
    private final boolean fresh;
    private volatile Capabilities capabilities;
    private ShimClient client;

    private ShimTarget(String name, Connector connector, Duration timeout, boolean fresh) throws TargetException {
        this.name = name;
        this.connector = connector;
        this.timeout = timeout;
        this.fresh = fresh;
        client(); // the first hello decides the capabilities
    }

    /** Starts {@code command} (split on spaces, single or double quotes group words) as the shim. */
    public static ShimTarget process(String command, Duration timeout, boolean fresh) throws TargetException {
        List<String> argv = split(command);
        if (argv.isEmpty()) {
            throw new IllegalArgumentException("shim: needs a command, e.g. shim:'python3 examples/python-shim/shim.py'");
        }
        return new ShimTarget("shim:" + command, () -> ShimChannel.ProcessChannel.start(argv), timeout, fresh);
    }

    /** Connects to a shim server at {@code host:port}. */
    public static ShimTarget tcp(String hostPort, Duration timeout) throws TargetException {
        int colon = hostPort.lastIndexOf(':');
        if (colon <= 0) {
            throw new IllegalArgumentException("tcp: needs HOST:PORT, got '" + hostPort + "'");
        }
        String host = hostPort.substring(0, colon);
        int port;
        try {
            port = Integer.parseInt(hostPort.substring(colon + 1));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("tcp: port is not a number in '" + hostPort + "'");
        }
        return new ShimTarget("tcp:" + hostPort, () -> ShimChannel.SocketChannel.connect(host, port,
                (int) timeout.toMillis()), timeout, false);
    }

    /** The shared client, restarted (a new process or connection) after a failure. */
    private synchronized ShimClient client() throws TargetException {
        if (client == null || client.isBroken()) {
            if (client != null) {
                client.close();
                client = null;
            }
            client = connect();
        }
        return client;
    }

    /** A new process or connection that has answered hello. */
    private ShimClient connect() throws TargetException {
        ShimClient c;
        try {
            c = new ShimClient(connector.connect(), timeout);
        } catch (IOException e) {
            throw new TargetException("cannot start " + name + ": " + e.getMessage(), e);
        }
        try {
            Capabilities caps = hello(c);
            if (capabilities == null) {
                capabilities = caps;
            }
            return c;
        } catch (TargetException e) {
            c.close();
            throw e;
        }
    }

    private static Capabilities hello(ShimClient c) throws TargetException {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("version", (long) ShimProtocol.VERSION);
        Map<String, Object> ok = c.request("hello", m);
        try {
            long version = ShimProtocol.num(ok, "version");
            if (version != ShimProtocol.VERSION) {
                throw new TargetException("the shim speaks protocol version " + version + ", mpqc speaks "
                        + ShimProtocol.VERSION);
            }
            Set<Dialect> dialects = EnumSet.noneOf(Dialect.class);
            if (ok.get("dialects") instanceof List<?> list) {
                for (Object d : list) {
                    if (d instanceof String s) {
                        try {
                            dialects.add(Dialect.byName(s));
                        } catch (IllegalArgumentException e) {
                            // A dialect mpqc does not know is simply not tested.
                        }
                    }
                }
            }
            if (dialects.isEmpty()) {
                throw new TargetException("the shim names no dialect mpqc knows (" + Dialect.names() + ") in its "
                        + "hello reply: " + ok.get("dialects"));
            }
            Set<String> features = new HashSet<>();
            if (ok.get("features") instanceof List<?> list) {
                for (Object f : list) {
                    if (f instanceof String s) {
                        features.add(s);
                    }
                }
            }
            return new Capabilities(dialects, Boolean.TRUE.equals(ok.get("codec")),
                    Boolean.TRUE.equals(ok.get("endpoint")), features);
        } catch (ShimProtocolException e) {
            throw new TargetException("bad hello reply: " + e.getMessage());
        }
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Capabilities capabilities() {
        return capabilities;
    }

    @Override
    public CodecTarget codec() {
        return new CodecTarget() {
            @Override
            public CodecResult decode(Dialect dialect, byte[] payload) throws TargetException {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("dialect", dialect.id());
                m.put("payload", HexFormat.of().formatHex(payload));
                Map<String, Object> ok = client().request("decode", m);
                return codecResult(ok, dialect);
            }

            @Override
            public byte[] nonce(byte[] iv, long pathId, long packetNumber) throws TargetException {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("iv", HexFormat.of().formatHex(iv));
                m.put("path_id", pathId);
                m.put("packet_number", packetNumber);
                Map<String, Object> ok = client().request("nonce", m);
                try {
                    return ShimProtocol.hex(ShimProtocol.str(ok, "nonce"));
                } catch (ShimProtocolException e) {
                    throw new TargetException("bad nonce reply: " + e.getMessage());
                }
            }

            @Override
            public TransportParametersResult decodeTransportParameters(Dialect dialect, Role sender, byte[] block)
                    throws TargetException {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("dialect", dialect.id());
                m.put("sender", sender.name().toLowerCase(Locale.ROOT));
                m.put("payload", HexFormat.of().formatHex(block));
                Map<String, Object> ok = client().request("decode_tp", m);
                try {
                    if (ok.get("rejected") instanceof Map<?, ?> r) {
                        @SuppressWarnings("unchecked")
                        Map<String, Object> rm = (Map<String, Object>) r;
                        return new TransportParametersResult.Rejected(ShimProtocol.num(rm, "code"),
                                rm.get("offset") instanceof Long l ? l.intValue() : -1,
                                rm.get("message") instanceof String s ? s : "");
                    }
                    if (ok.get("accepted") instanceof Map<?, ?> a) {
                        @SuppressWarnings("unchecked")
                        Map<String, Object> am = (Map<String, Object>) a;
                        return new TransportParametersResult.Accepted(
                                am.get("initial_max_path_id") instanceof Long l ? l : -1,
                                am.get("active_connection_id_limit") instanceof Long l ? l : 2);
                    }
                } catch (ShimProtocolException e) {
                    throw new TargetException("bad decode_tp reply: " + e.getMessage());
                }
                throw new TargetException("decode_tp reply has neither accepted nor rejected");
            }
        };
    }

    private static CodecResult codecResult(Map<String, Object> ok, Dialect dialect) throws TargetException {
        try {
            if (ok.get("rejected") instanceof Map<?, ?> r) {
                @SuppressWarnings("unchecked")
                Map<String, Object> rm = (Map<String, Object>) r;
                return new CodecResult.Rejected(ShimProtocol.num(rm, "code"),
                        rm.get("offset") instanceof Long l ? l.intValue() : -1,
                        rm.get("message") instanceof String s ? s : "");
            }
            if (ok.get("decoded") instanceof List<?> frames) {
                List<io.mpqc.ref.frame.Frame> out = new ArrayList<>();
                FrameDecoder dec = new FrameDecoder(dialect);
                for (Object f : frames) {
                    if (!(f instanceof String hex)) {
                        throw new TargetException("'decoded' holds a non-string");
                    }
                    try {
                        out.addAll(dec.decodeAll(ShimProtocol.hex(hex)));
                    } catch (FrameDecodeException e) {
                        throw new TargetException("the shim re-encoded a frame mpqc cannot decode: " + hex + " (" + e
                                + ")");
                    }
                }
                return new CodecResult.Decoded(out);
            }
        } catch (ShimProtocolException e) {
            throw new TargetException("bad decode reply: " + e.getMessage());
        }
        throw new TargetException("decode reply has neither decoded nor rejected");
    }

    @Override
    public EndpointTarget endpoint() {
        return this::open;
    }

    private Session open(SessionSpec spec) throws TargetException {
        ShimClient c = fresh ? connect() : client();
        try {
            Map<String, Object> ok = c.request("open", ShimProtocol.spec(spec));
            String id = ShimProtocol.str(ok, "session");
            @SuppressWarnings("unchecked")
            Map<String, Object> initial = ok.get("initial") instanceof Map<?, ?> m ? (Map<String, Object>) m
                    : Map.of("sent", List.of());
            return new ShimSession(c, id, spec.dialect(), ShimProtocol.reaction(initial, spec.dialect()), fresh);
        } catch (ShimProtocolException e) {
            if (fresh) {
                c.close();
            }
            throw new TargetException("bad open reply: " + e.getMessage());
        } catch (TargetException e) {
            if (fresh) {
                c.close();
            }
            throw e;
        }
    }

    @Override
    public synchronized void close() {
        if (client != null) {
            client.close();
            client = null;
        }
    }

    /** Splits a command line on blanks; quotes group words. */
    static List<String> split(String command) {
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        char quote = 0;
        boolean any = false;
        for (char ch : command.toCharArray()) {
            if (quote != 0) {
                if (ch == quote) {
                    quote = 0;
                } else {
                    cur.append(ch);
                }
            } else if (ch == '\'' || ch == '"') {
                quote = ch;
                any = true;
            } else if (Character.isWhitespace(ch)) {
                if (cur.length() > 0 || any) {
                    out.add(cur.toString());
                    cur.setLength(0);
                    any = false;
                }
            } else {
                cur.append(ch);
            }
        }
        if (cur.length() > 0 || any) {
            out.add(cur.toString());
        }
        return out;
    }
}
