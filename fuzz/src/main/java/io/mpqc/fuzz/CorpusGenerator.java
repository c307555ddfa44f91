package io.mpqc.fuzz;

import io.mpqc.conformance.cases.Stimuli;
import io.mpqc.conformance.target.Command;
import io.mpqc.ref.frame.AckRanges;
import io.mpqc.ref.frame.Bytes;
import io.mpqc.ref.frame.Dialect;
import io.mpqc.ref.frame.EcnCounts;
import io.mpqc.ref.frame.Frame;
import io.mpqc.ref.frame.FrameEncoder;
import io.mpqc.ref.frame.PacketType;
import io.mpqc.ref.frame.TransportError;
import io.mpqc.ref.path.PathStatus;
import io.mpqc.ref.tp.PreferredAddress;
import io.mpqc.ref.tp.Role;
import io.mpqc.ref.tp.TransportParameters;
import io.mpqc.ref.tp.TransportParametersEncoder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes the seed corpus of every target into {@code corpus/<Target>/seeds/} and the hand-made regression
 * inputs of the bugs found so far into {@code corpus/<Target>/regressions/}: the digest's byte examples
 * (section 2.2 and appendix A) in every dialect, one frame of every kind, the negative examples, typical
 * transport parameter blocks, and sessions like those the conformance cases play.
 *
 * <pre>java -cp fuzz/target/mpqc-fuzz-targets.jar io.mpqc.fuzz.CorpusGenerator [CORPUS_DIR]</pre>
 *
 * Deterministic: running it again rewrites the same files. Files of other names are left alone.
 */
public final class CorpusGenerator {
    private static final Dialect[] DIALECTS = Dialect.values();
    private static final HexFormat HEX = HexFormat.of();
    private static final String CID = "c1c2c3c4c5c6c7c8";
    private static final String TOKEN = "a0a1a2a3a4a5a6a7a8a9aaabacadaeaf";

    private CorpusGenerator() {
    }

    public static void main(String[] args) {
        Path root = Path.of(args.length > 0 ? args[0] : "corpus");
        int n = 0;
        for (Map.Entry<String, Map<String, byte[]>> target : seeds().entrySet()) {
            n += write(root.resolve(target.getKey()).resolve("seeds"), target.getValue());
        }
        for (Map.Entry<String, Map<String, byte[]>> target : regressions().entrySet()) {
            n += write(root.resolve(target.getKey()).resolve("regressions"), target.getValue());
        }
        System.out.println("wrote " + n + " inputs under " + root);
    }

    private static int write(Path dir, Map<String, byte[]> files) {
        try {
            Files.createDirectories(dir);
            for (Map.Entry<String, byte[]> f : files.entrySet()) {
                Files.write(dir.resolve(f.getKey()), f.getValue());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return files.size();
    }

    /** Seeds by target class name, then file name. */
    public static Map<String, Map<String, byte[]>> seeds() {
        Map<String, Map<String, byte[]>> all = new LinkedHashMap<>();
        all.put("FrameDecoderFuzzer", frameSeeds());
        all.put("TransportParametersFuzzer", transportParameterSeeds());
        all.put("ConnectionCoreFuzzer", sessionSeeds(true));
        all.put("DifferentialFuzzer", sessionSeeds(false));
        all.put("SchedulerFuzzer", schedulerSeeds());
        Map<String, byte[]> trivial = new LinkedHashMap<>();
        trivial.put("empty", new byte[0]);
        all.put("TrivialCopyFuzzer", trivial);
        return all;
    }

    /** Inputs that once found a bug, by target class name, then file name (see docs/fuzzing.md). */
    public static Map<String, Map<String, byte[]>> regressions() {
        Map<String, Map<String, byte[]>> all = new LinkedHashMap<>();
        Map<String, byte[]> conn = new LinkedHashMap<>();
        // Bug 1: draft-06 has one CID space, yet issueConnectionIds(3, 2) announced "path 3" sequences 0 and 1 in
        // NEW_CONNECTION_ID frames, reusing path 0's sequence 1 with another CID value (RFC 9000 §19.15).
        conn.put("draft06-issue-cids-for-path-3", new SessionWriter(DIALECTS, Role.SERVER, Dialect.DRAFT_06, 4, 4)
                .drain().command(new Command.IssueConnectionIds(3, 2)).drain().toByteArray());
        // Bug 2: openPath() looped over every path ID up to the limit: with both limits at 2^32-1, minutes.
        conn.put("open-path-with-limit-2pow32", new SessionWriter(DIALECTS, Role.CLIENT, Dialect.DRAFT_21,
                FrameGenerator.MAX_PATH_ID, 4).command(new Command.OpenPath()).command(new Command.OpenPath())
                .drain().toByteArray());
        all.put("ConnectionCoreFuzzer", conn);
        Map<String, byte[]> diff = new LinkedHashMap<>();
        // Sessions of the differential target are written for its default, reference:draft-18 (one dialect).
        diff.put("open-path-with-limit-2pow32", new SessionWriter(new Dialect[] {Dialect.DRAFT_18}, Role.CLIENT,
                Dialect.DRAFT_18,
                FrameGenerator.MAX_PATH_ID, 4).command(new Command.OpenPath()).toByteArray());
        all.put("DifferentialFuzzer", diff);
        return all;
    }

    // ---- schedulers: name, then decisions over two paths (a fast and a slow one) ----

    private static Map<String, byte[]> schedulerSeeds() {
        Map<String, byte[]> out = new LinkedHashMap<>();
        List<String> names = io.mpqc.ref.sched.Schedulers.names();
        for (int i = 0; i < names.size(); i++) {
            FuzzInputWriter w = new FuzzInputWriter().integer(0, names.size() - 1, i);
            for (int step = 0; step < 4; step++) {
                w.integer(0, 7, step == 2 ? 6 : 0);
                if (step == 2) {
                    w.integer(0, 7, 1); // pathAdded(1)
                    continue;
                }
                w.integer(0, 6, 2);
                for (int p = 0; p < 2; p++) {
                    w.integer(1, 3, 1); // path IDs 0 and 1
                    w.integer(0, 7, 3).integer(1_000, 500_000, p == 0 ? 20_000 : 80_000); // smoothed RTT
                    w.integer(0, 7, 1); // usable
                    w.integer(0, 3, p == 1 && step == 3 ? 0 : 1); // path 1 on standby in the last decision
                    w.integer(0, 7, 3).integer(1_000, 500_000, 5_000); // RTT variation source
                    w.integer(0, 7, 3).integer(1_000, 500_000, p == 0 ? 15_000 : 70_000); // min RTT source
                    w.integer(0, 7, 2).integer(0, 200_000, 12_000); // window
                    w.integer(0, 7, 2).integer(0, 200_000, step == 1 && p == 0 ? 12_000 : 1_200); // in flight
                    w.bool(step == 0);
                    w.integer(0, 8, p == 0 ? 2 : 3); // weight 1 or 2
                }
                w.bool(true); // 1200-byte packet
                w.integer(0, 1_000_000, 10_000);
                w.integer(0, 7, 2).integer(0, 200_000, 50_000); // queued
                w.integer(0, 7, 2).integer(0, 200_000, 100_000); // send window
            }
            out.put("two-paths-" + names.get(i), w.toByteArray());
        }
        return out;
    }

    // ---- frame decoder: selector byte (dialect index, +3 for lenient) then the payload ----

    private static Map<String, byte[]> frameSeeds() {
        Map<String, byte[]> out = new LinkedHashMap<>();
        // The digest's section 2.2 examples, byte for byte (draft-21).
        String[] digest = {
            "3e0105000005", "3f0105000005010000", "7e750100", "7e75017e76", "7e760207", "7e770208",
            "7e7801000008" + CID + TOKEN, "7e790100", "7e7a04", "7e7b04", "7e7c0301",
        };
        for (int i = 0; i < digest.length; i++) {
            out.put(String.format("digest-2.2-%02d", i), selector(0, false, HEX.parseHex(digest[i])));
        }
        out.put("digest-2.2-all", selector(0, false, HEX.parseHex(String.join("", digest))));
        out.put("digest-path-id-2pow32-1", selector(0, false, HEX.parseHex("7e75c0000000ffffffff00")));
        out.put("digest-path-id-2pow32", selector(0, false, HEX.parseHex("7e75c00000010000000000")));
        // Negative examples: non-minimal frame types (PROTOCOL_VIOLATION strict, accepted lenient).
        for (boolean lenient : new boolean[] {false, true}) {
            String mode = lenient ? "lenient" : "strict";
            out.put("non-minimal-path-ack-" + mode, selector(0, lenient, HEX.parseHex("403e0105000005")));
            out.put("non-minimal-path-abandon-" + mode, selector(0, lenient, HEX.parseHex("80003e750100")));
            out.put("non-minimal-padding-" + mode, selector(0, lenient, HEX.parseHex("00004000")));
        }
        out.put("unknown-type-1f", selector(0, false, HEX.parseHex("1f")));
        out.put("truncated-path-new-cid", selector(0, false, HEX.parseHex("7e78010000" + "08" + CID)));
        out.put("ncid-length-21", selector(0, false, HEX.parseHex("7e780100001" + "5" + CID)));
        for (Dialect d : DIALECTS) {
            int di = d.ordinal();
            FrameEncoder enc = new FrameEncoder(d);
            List<Frame> mp = new ArrayList<>();
            for (Frame f : Stimuli.everyMultipathFrame(1)) {
                if (d.supports(f.type())) {
                    Frame g = f instanceof Frame.PathAbandon a && d.abandonHasReasonPhrase()
                            ? new Frame.PathAbandon(a.pathId(), a.errorCode(), Bytes.ofHex("627965")) : f;
                    mp.add(g);
                    out.put(d.id() + "-" + f.type().name().toLowerCase(), selector(di, false, enc.encode(g)));
                }
            }
            out.put(d.id() + "-every-multipath-frame", selector(di, false, enc.encodeAll(mp)));
            out.put(d.id() + "-every-rfc9000-frame", selector(di, false, enc.encodeAll(rfc9000Frames())));
            // Another generation's codepoints, which this dialect must reject as unknown.
            for (Dialect other : DIALECTS) {
                if (other != d && other.supports(io.mpqc.ref.frame.FrameType.MAX_PATH_ID)) {
                    out.put(d.id() + "-foreign-" + other.id(), selector(di, false,
                            new FrameEncoder(other).encode(new Frame.MaxPathId(4))));
                }
            }
        }
        return out;
    }

    private static List<Frame> rfc9000Frames() {
        return List.of(new Frame.Padding(3), new Frame.Ping(),
                new Frame.Ack(10, 3, 2, AckRanges.of(1, 2), null),
                new Frame.Ack(10, 3, 2, AckRanges.NONE, new EcnCounts(1, 2, 3)),
                new Frame.ResetStream(4, 1, 100), new Frame.StopSending(4, 1),
                new Frame.Crypto(0, Bytes.ofHex("010203")), new Frame.NewToken(Bytes.ofHex("aabb")),
                new Frame.Stream(4, 7, Bytes.ofHex("68656c6c6f"), true, true), new Frame.MaxData(1 << 20),
                new Frame.MaxStreamData(4, 1 << 16), new Frame.MaxStreams(true, 100),
                new Frame.MaxStreams(false, 100), new Frame.DataBlocked(10), new Frame.StreamDataBlocked(4, 10),
                new Frame.StreamsBlocked(true, 10), new Frame.StreamsBlocked(false, 10),
                new Frame.NewConnectionId(1, 0, Bytes.ofHex(CID), Bytes.ofHex(TOKEN)),
                new Frame.RetireConnectionId(0), new Frame.PathChallenge(0x0102030405060708L),
                new Frame.PathResponse(0x0102030405060708L),
                new Frame.ConnectionClose(TransportError.PROTOCOL_VIOLATION.code(), 0x3e, Bytes.ofHex("626164")),
                new Frame.ApplicationClose(7, Bytes.EMPTY), new Frame.HandshakeDone(),
                new Frame.Stream(8, 0, Bytes.ofHex("74726169"), false, false));
    }

    private static byte[] selector(int dialectIndex, boolean second, byte[] payload) {
        byte[] out = new byte[payload.length + 1];
        out[0] = (byte) (dialectIndex + (second ? DIALECTS.length : 0));
        System.arraycopy(payload, 0, out, 1, payload.length);
        return out;
    }

    // ---- transport parameters: selector byte (dialect index, +3 for a server) then the block ----

    private static Map<String, byte[]> transportParameterSeeds() {
        Map<String, byte[]> out = new LinkedHashMap<>();
        out.put("digest-2.1-initial-max-path-id-3", selector(0, false, HEX.parseHex("3e0103")));
        out.put("digest-2.1-initial-max-path-id-3-server", selector(0, true, HEX.parseHex("3e0103")));
        out.put("draft18-max-path-id-2pow32", selector(1, false, HEX.parseHex("cf739bbc1b666d0d08c000000100000000")));
        out.put("draft06-enable-multipath-with-value", selector(2, false, HEX.parseHex("cf739bbc1b666d060101")));
        out.put("duplicate-parameter", selector(0, false, HEX.parseHex("0e01040e0104")));
        out.put("grease-and-unknown", selector(0, false, HEX.parseHex("1b02aabb4021000e0104")));
        TransportParameters client = TransportParameters.builder().maxIdleTimeout(30_000).initialMaxData(1 << 20)
                .initialMaxStreamDataBidiLocal(1 << 16).initialMaxStreamsBidi(100).activeConnectionIdLimit(4)
                .initialSourceConnectionId(Bytes.ofHex(CID)).build();
        TransportParameters server = client.toBuilder().originalDestinationConnectionId(Bytes.ofHex("0102030405060708"))
                .statelessResetToken(Bytes.ofHex(TOKEN)).disableActiveMigration(true)
                .preferredAddress(new PreferredAddress(Bytes.ofHex("c0000201"), 4433, Bytes.of(new byte[16]), 4433,
                        Bytes.ofHex("d1d2d3d4"), Bytes.ofHex(TOKEN)))
                .retrySourceConnectionId(Bytes.ofHex("e1e2")).build();
        for (Dialect d : DIALECTS) {
            TransportParametersEncoder enc = new TransportParametersEncoder(d);
            int di = d.ordinal();
            out.put(d.id() + "-client-multipath", selector(di, false, enc.encode(client.withMultipath(d, 3), Role.CLIENT)));
            out.put(d.id() + "-client-no-multipath", selector(di, false, enc.encode(client, Role.CLIENT)));
            out.put(d.id() + "-server-full", selector(di, true, enc.encode(server.withMultipath(d, 8), Role.SERVER)));
        }
        return out;
    }

    // ---- sessions (connection core and differential) ----

    /**
     * Sessions after the conformance cases: path opening by either side with validation, status frames
     * in and out of order, CIDs per path with Retire Prior To, abandonment and freeing, the path ID limits,
     * and the error cases (wrong packet type, path ID above the limit, multipath not negotiated).
     */
    private static Map<String, byte[]> sessionSeeds(boolean connectionCore) {
        Map<String, byte[]> out = new LinkedHashMap<>();
        Dialect[] dialects = connectionCore ? DIALECTS : new Dialect[] {Dialect.DRAFT_18};
        for (Dialect d : dialects) {
            String p = d.id() + "-";
            out.put(p + "server-peer-opens-path-1", session(d, Role.SERVER, connectionCore, w -> w
                    .receive(1, new Frame.PathChallenge(0x1122334455667788L))
                    .receive(1, new Stimulus.EchoChallenge(1))
                    .receive(0, new Frame.PathStatusAvailable(1, 1), new Frame.PathStatusBackup(1, 2))
                    .receive(0, new Frame.PathStatusBackup(1, 1))
                    .receive(0, new Frame.PathAbandon(1, 0))
                    .advance(3_000_000).advance(10_000_000)));
            out.put(p + "client-opens-path", session(d, Role.CLIENT, connectionCore, w -> w
                    .command(new Command.OpenPath())
                    .receive(1, new Stimulus.EchoChallenge(1))
                    .command(new Command.SetStatus(1, PathStatus.BACKUP))
                    .command(new Command.SetStatus(1, PathStatus.AVAILABLE))
                    .command(new Command.AbandonPath(1, 0))
                    .receive(0, new Frame.PathAbandon(1, 0))
                    .advance(3_000_000)));
            out.put(p + "validation-times-out", session(d, Role.CLIENT, connectionCore, w -> w
                    .command(new Command.OpenPath()).advance(1_000_000).advance(3_000_000).advance(10_000_000)));
            out.put(p + "errors", session(d, Role.SERVER, connectionCore, w -> w
                    .receive(PacketType.HANDSHAKE, 0, new Frame.PathAck(0, 0, 0, 0, AckRanges.NONE, null))));
            out.put(p + "path-id-above-limit", session(d, Role.SERVER, connectionCore, w -> w
                    .receive(0, new Frame.PathStatusBackup(5, 1))));
            out.put(p + "path-ack-and-ack", session(d, Role.CLIENT, connectionCore, w -> w
                    .command(new Command.OpenPath())
                    .receive(0, new Frame.PathAck(1, 0, 0, 0, AckRanges.NONE, null),
                            new Frame.Ack(0, 0, 0, AckRanges.NONE, null))
                    .receive(1, new Frame.Ping())));
            if (!d.supports(io.mpqc.ref.frame.FrameType.MAX_PATH_ID)) {
                continue; // draft-06: no limit or per-path CID frames
            }
            out.put(p + "max-path-id-2pow32", session(d, Role.CLIENT, connectionCore, w -> w
                    .receive(0, new Frame.MaxPathId(FrameGenerator.MAX_PATH_ID + 1))));
            out.put(p + "limits", session(d, Role.SERVER, connectionCore, w -> w
                    .receive(0, new Frame.MaxPathId(6), new Frame.PathsBlocked(4), new Frame.PathCidsBlocked(3, 1))
                    .command(new Command.RaiseMaxPathId(8))
                    .receive(0, new Frame.PathStatusAvailable(9, 1))));
            out.put(p + "cids-per-path", session(d, Role.SERVER, connectionCore, w -> w
                    .receive(0, new Frame.PathNewConnectionId(1, 1, 0, SessionWriter.poolCid(1), SessionWriter.poolToken(0)),
                            new Frame.PathNewConnectionId(1, 2, 2, SessionWriter.poolCid(2), SessionWriter.poolToken(1)))
                    .receive(0, new Frame.PathRetireConnectionId(1, 0), new Frame.RetireConnectionId(1))
                    .receive(0, new Frame.NewConnectionId(1, 0, SessionWriter.poolCid(3), SessionWriter.poolToken(2)))
                    .command(new Command.IssueConnectionIds(1, 1))));
        }
        Dialect d = dialects[0];
        out.put("no-multipath-frame", sessionWith(new SessionWriter(dialects, Role.SERVER, d, -1, 4),
                connectionCore, w -> w.receive(0, new Frame.PathStatusBackup(0, 1))));
        if (connectionCore) {
            out.put("peer-closes", sessionWith(new SessionWriter(DIALECTS, Role.SERVER, Dialect.DRAFT_21, 4, 4), true,
                    w -> w.receive(0, new Frame.ConnectionClose(0, 0, Bytes.EMPTY)).receive(0, new Frame.Ping())));
            out.put("application-closes", sessionWith(new SessionWriter(DIALECTS, Role.CLIENT, Dialect.DRAFT_21, 4, 4),
                    true, w -> w.close(0).receive(0, new Frame.Ping())));
        }
        return out;
    }

    private interface Script {
        SessionWriter play(SessionWriter w);
    }

    private static byte[] session(Dialect d, Role role, boolean connectionCore, Script script) {
        Dialect[] dialects = connectionCore ? DIALECTS : new Dialect[] {Dialect.DRAFT_18};
        return sessionWith(new SessionWriter(dialects, role, d, 4, 4), connectionCore, script);
    }

    private static byte[] sessionWith(SessionWriter w, boolean connectionCore, Script script) {
        script.play(w);
        if (connectionCore) {
            w.drain();
        }
        return w.toByteArray();
    }
}
