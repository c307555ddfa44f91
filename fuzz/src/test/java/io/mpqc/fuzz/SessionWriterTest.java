package io.mpqc.fuzz;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.mpqc.conformance.target.Command;
import io.mpqc.ref.frame.AckRanges;
import io.mpqc.ref.frame.Bytes;
import io.mpqc.ref.frame.Dialect;
import io.mpqc.ref.frame.EcnCounts;
import io.mpqc.ref.frame.Frame;
import io.mpqc.ref.frame.PacketType;
import io.mpqc.ref.path.PathStatus;
import io.mpqc.ref.tp.Role;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The seed writers mean what they say: what they write reads back as the session they were given. */
class SessionWriterTest {

    @Test
    void fuzzInputReadsWhatTheWriterWrote() {
        FuzzInputWriter w = new FuzzInputWriter().bool(true).integer(0, 7, 5).integer(-3, 300, 299)
                .anyLong(Long.MIN_VALUE + 7).bytes(new byte[] {9, 8}).integer(0, 0, 0).anyLong(-1);
        FuzzInput in = new FuzzInput(w.toByteArray());
        assertEquals(true, in.consumeBoolean());
        assertEquals(5, in.consumeInt(0, 7));
        assertEquals(299, in.consumeInt(-3, 300));
        assertEquals(Long.MIN_VALUE + 7, in.consumeLong());
        assertArrayEquals(new byte[] {9, 8}, in.consumeBytes(2));
        assertEquals(0, in.consumeInt(0, 0));
        assertEquals(-1, in.consumeLong());
        assertEquals(0, in.remainingBytes());
        assertEquals(3, in.consumeInt(3, 9), "an exhausted input gives the minimum");
    }

    @Test
    void aSessionOfEveryFrameKindReadsBack() {
        for (Dialect d : Dialect.values()) {
            SessionWriter w = new SessionWriter(Dialect.values(), Role.CLIENT, d, 6, 5);
            List<Frame> frames = new ArrayList<>(List.of(new Frame.Padding(7), new Frame.Ping(),
                    new Frame.Ack(12, 3, 2, AckRanges.NONE, null), new Frame.Ack(100, 70, 99, AckRanges.NONE,
                            new EcnCounts(1, 2, 3)),
                    new Frame.ResetStream(1, 2, 3), new Frame.MaxData(1000),
                    new Frame.Stream(4, 9, Bytes.ofHex("0102"), true, false),
                    new Frame.NewConnectionId(5, 2, SessionWriter.poolCid(4), SessionWriter.poolToken(1)),
                    new Frame.RetireConnectionId(2000), new Frame.PathChallenge(-5), new Frame.PathResponse(77),
                    new Frame.ConnectionClose(0x3e75, 8, Bytes.ofHex("41")), new Frame.HandshakeDone(),
                    new Frame.PathAck(7, 5, 0, 5, AckRanges.NONE, null),
                    new Frame.PathAbandon(0xFFFF_FFFFL, d.multipathErrors().keySet().iterator().next(),
                            d.abandonHasReasonPhrase() ? Bytes.ofHex("6279") : Bytes.EMPTY),
                    new Frame.PathStatusBackup(1, 9), new Frame.PathStatusAvailable(3, 10)));
            if (d.supports(io.mpqc.ref.frame.FrameType.MAX_PATH_ID)) {
                frames.addAll(List.of(new Frame.PathNewConnectionId(2, 3, 1, SessionWriter.poolCid(9),
                        SessionWriter.poolToken(2)), new Frame.PathRetireConnectionId(8, 0), new Frame.MaxPathId(1L << 40),
                        new Frame.PathsBlocked(12), new Frame.PathCidsBlocked(4, 1)));
            }
            for (int i = 0; i < frames.size(); i += 3) {
                w.receive(PacketType.values()[i % 4], i % 9, frames.subList(i, Math.min(frames.size(), i + 3)).toArray());
            }
            w.receive(2, new Stimulus.EchoChallenge(2), new Stimulus.EchoChallenge(4));
            w.receive(0);
            w.advance(0).advance(25_000).advance(1_000_000).advance(3_000_000).advance(10_000_000).advance(4321);
            w.command(new Command.OpenPath()).command(new Command.AbandonPath(3, 0))
                    .command(new Command.SetStatus(2, PathStatus.BACKUP)).command(new Command.RaiseMaxPathId(9))
                    .command(new Command.IssueConnectionIds(1, 3)).drain().close(0x10).close(12345);
            assertReadsBack(w, Dialect.values(), true);
        }
    }

    @Test
    void differentialSessionsReadBackWithTheDefaultTarget() {
        Dialect[] draft18 = {Dialect.DRAFT_18};
        SessionWriter w = new SessionWriter(draft18, Role.CLIENT, Dialect.DRAFT_18, FrameGenerator.MAX_PATH_ID, 4)
                .command(new Command.OpenPath()).receive(1, new Stimulus.EchoChallenge(1)).advance(3_000_000);
        assertReadsBack(w, draft18, false);
    }

    @Test
    void theGeneratedSeedsAreUpToDate() throws Exception {
        Path root = CorpusReplayTest.corpusRoot();
        for (Map<String, Map<String, byte[]>> kind : List.of(CorpusGenerator.seeds(), CorpusGenerator.regressions())) {
            String sub = kind == null ? "" : null;
            for (Map.Entry<String, Map<String, byte[]>> t : kind.entrySet()) {
                for (Map.Entry<String, byte[]> f : t.getValue().entrySet()) {
                    Path seeds = root.resolve(t.getKey()).resolve("seeds").resolve(f.getKey());
                    Path regressions = root.resolve(t.getKey()).resolve("regressions").resolve(f.getKey());
                    Path file = Files.exists(seeds) ? seeds : regressions;
                    assertArrayEquals(f.getValue(), Files.readAllBytes(file),
                            file + " differs from what CorpusGenerator writes (run it again)" + (sub == null ? "" : sub));
                }
            }
        }
    }

    static void assertReadsBack(SessionWriter w, Dialect[] dialects, boolean connectionCore) {
        StimulusGenerator g = new StimulusGenerator(new FuzzInput(w.toByteArray()), dialects, connectionCore);
        assertEquals(w.setup(), g.setup());
        List<Stimulus> read = new ArrayList<>();
        Stimulus s;
        while ((s = g.next()) != null) {
            read.add(s);
        }
        assertEquals(w.stimuli(), read);
    }
}
