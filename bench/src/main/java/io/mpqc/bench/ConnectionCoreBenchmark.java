package io.mpqc.bench;

import io.mpqc.ref.conn.ConnectionConfig;
import io.mpqc.ref.conn.MultipathConnection;
import io.mpqc.ref.conn.PacketContext;
import io.mpqc.ref.frame.AckRanges;
import io.mpqc.ref.frame.Bytes;
import io.mpqc.ref.frame.Frame;
import io.mpqc.ref.tp.Role;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Multipath control frames through the connection core: a mixed stream on 4 paths of status updates
 * (both kinds, growing sequence numbers), connection ID churn (PATH_NEW_CONNECTION_ID with a rising Retire
 * Prior To, which makes the core queue PATH_RETIRE_CONNECTION_ID) and PATH_ACKs, followed by one drain of
 * what the core queued. The frames are built once; each invocation starts from a fresh connection (set up
 * outside the measurement) so that sequence numbers keep growing. Score: frames per second.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class ConnectionCoreBenchmark {
    static final int FRAMES = 10_000;
    private static final int PATHS = 4;

    private final List<Frame> frames = new ArrayList<>(FRAMES);
    private final PacketContext[] contexts = new PacketContext[PATHS + 1];
    private MultipathConnection connection;

    @Setup(Level.Trial)
    public void buildStream() {
        long[] statusSeq = new long[PATHS + 1];
        long[] cidSeq = new long[PATHS + 1];
        for (int p = 1; p <= PATHS; p++) {
            cidSeq[p] = 1; // sequence 0 is issued in setUp
        }
        for (int i = 0; frames.size() < FRAMES; i++) {
            int path = 1 + i % PATHS;
            switch (i % 5) {
                case 0, 1 -> frames.add(i % 2 == 0 ? new Frame.PathStatusAvailable(path, ++statusSeq[path])
                        : new Frame.PathStatusBackup(path, ++statusSeq[path]));
                case 2 -> {
                    long seq = cidSeq[path]++;
                    frames.add(new Frame.PathNewConnectionId(path, seq, seq - 1, cid(path, seq), token(path, seq)));
                }
                default -> frames.add(new Frame.PathAck(0, 0, 0, 0, AckRanges.NONE, null));
            }
        }
        for (int p = 0; p <= PATHS; p++) {
            contexts[p] = PacketContext.oneRtt(p);
        }
    }

    @Setup(Level.Invocation)
    public void freshConnection() {
        connection = newConnection();
    }

    /** A connection with a connection ID of the peer on every path, as each invocation starts from. */
    MultipathConnection newConnection() {
        MultipathConnection connection = new MultipathConnection(ConnectionConfig.builder(Role.SERVER).localMaxPathId(PATHS)
                .peerMaxPathId(PATHS).build());
        for (int p = 1; p <= PATHS; p++) {
            connection.receive(contexts[0], new Frame.PathNewConnectionId(p, 0, 0, cid(p, 0), token(p, 0)));
        }
        // A packet on path 0 so that PATH_ACK for path 0 acknowledges something that was sent.
        connection.drain();
        return connection;
    }

    @Benchmark
    @OperationsPerInvocation(FRAMES)
    public void controlFrames(Blackhole bh) {
        feed(connection, bh);
    }

    /** The measured work: the whole stream into {@code c}, then one drain. */
    void feed(MultipathConnection c, Blackhole bh) {
        for (int i = 0; i < FRAMES; i++) {
            c.receive(contexts[0], frames.get(i));
        }
        bh.consume(c.drain());
    }

    private static Bytes cid(int path, long seq) {
        return Bytes.of(new byte[] {0x7e, (byte) path, (byte) (seq >>> 24), (byte) (seq >>> 16), (byte) (seq >>> 8),
            (byte) seq, 0x11, 0x22});
    }

    private static Bytes token(int path, long seq) {
        byte[] t = new byte[16];
        t[0] = (byte) path;
        t[1] = (byte) seq;
        t[2] = (byte) (seq >>> 8);
        return Bytes.of(t);
    }
}
